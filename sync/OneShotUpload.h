#pragma once

#include <QByteArray>
#include <QIODevice>

// A request body that can be read once, from start to end, and never rewound. Qt 6.4 sends a
// request again by itself when its connection closes before any answer, POSTs included; with
// this body such a resend fails (ContentReSendError) instead of posting a second time, so a
// create whose answer was lost is looked up, not repeated behind the app's back.
class OneShotUpload final : public QIODevice
{
public:
    explicit OneShotUpload(const QByteArray &body, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_body;
    qint64 m_position = 0;
};
