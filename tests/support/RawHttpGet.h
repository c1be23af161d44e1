#pragma once

#include <QByteArray>

class ServerProcess;

// A GET on a plain socket, exactly as written: no header Qt's network client would add (such as
// its own Accept-Encoding), for tests of what the server chooses to send.
struct RawReply
{
    QByteArray head; // lower case, up to its last CRLF
    QByteArray body; // as sent, still encoded
};

// `target` with the write key; `extraHeaders`, each ending in CRLF, go as given. An empty reply
// when the server cannot be reached or sends no complete head.
RawReply rawGet(const ServerProcess &server, const QByteArray &target,
                const QByteArray &extraHeaders = {});
