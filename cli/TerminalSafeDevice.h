#pragma once

#include <QIODevice>
#include <QStringDecoder>
#include <cstdio>

// Standard output or error for text that may hold server data: characters that would steer the
// terminal (C0 and C1 controls but newline and tab, DEL) or reorder the text around them (bidi
// overrides, embeddings, isolates and marks) are written as "\uXXXX", which also keeps JSON
// output valid. A record's name can then never clear the screen or hide what follows it.
class TerminalSafeDevice final : public QIODevice
{
public:
    explicit TerminalSafeDevice(FILE *stream);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    FILE *m_stream = nullptr;
    // Stateful: a UTF-8 sequence split between two writes is decoded whole.
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};
