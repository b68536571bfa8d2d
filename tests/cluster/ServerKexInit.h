// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What an SSH server offers, read from its first packet (SSH_MSG_KEXINIT, RFC 4253 section 7.1),
// which every server sends in clear text before any key is agreed. The interoperability test uses
// it as an oracle that does not depend on libssh2: an algorithm both sides list must work.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QtEndian>

#include <optional>

namespace testsupport {

struct ServerKexInit
{
    QStringList keyExchange;
    QStringList hostKeys;
    QStringList ciphersClientToServer;
    QStringList ciphersServerToClient;
    QStringList macsClientToServer;
    QStringList macsServerToClient;
    QString identification; // "SSH-2.0-OpenSSH_10.0p2 Debian-7"
    QString error;          // why nothing could be read

    // Offered in both directions (what a client can ask for alone).
    QStringList ciphers() const { return intersect(ciphersClientToServer, ciphersServerToClient); }
    QStringList macs() const { return intersect(macsClientToServer, macsServerToClient); }

    static QStringList intersect(const QStringList &a, const QStringList &b)
    {
        QStringList both;
        for (const QString &name : a) {
            if (b.contains(name))
                both.append(name);
        }
        return both;
    }

    // Blocking, for a test: connects, says who we are, reads the server's identification line and
    // its first binary packet, and hangs up.
    static ServerKexInit read(const QString &host, quint16 port, int timeoutMs = 10000)
    {
        ServerKexInit result;
        QTcpSocket socket;
        socket.connectToHost(host, port);
        if (!socket.waitForConnected(timeoutMs)) {
            result.error = QStringLiteral("cannot connect: %1").arg(socket.errorString());
            return result;
        }
        socket.write("SSH-2.0-clusterdesk_kexinit_probe\r\n");
        QByteArray buffer;
        const auto need = [&](qsizetype bytes) {
            while (buffer.size() < bytes) {
                if (!socket.waitForReadyRead(timeoutMs))
                    return false;
                buffer += socket.readAll();
            }
            return true;
        };
        // Lines before the identification are allowed (RFC 4253 4.2).
        while (true) {
            const qsizetype end = buffer.indexOf('\n');
            if (end < 0) {
                if (buffer.size() > 16384 || !need(buffer.size() + 1)) {
                    result.error = QStringLiteral("no identification line");
                    return result;
                }
                continue;
            }
            const QByteArray line = buffer.left(end).trimmed();
            buffer.remove(0, end + 1);
            if (line.startsWith("SSH-")) {
                result.identification = QString::fromLatin1(line);
                break;
            }
        }
        if (!need(5)) {
            result.error = QStringLiteral("no packet after the identification");
            return result;
        }
        const quint32 packetLength = qFromBigEndian<quint32>(buffer.constData());
        if (packetLength < 2 || packetLength > 35000 || !need(4 + qsizetype(packetLength))) {
            result.error = QStringLiteral("a first packet of %1 bytes").arg(packetLength);
            return result;
        }
        const quint8 padding = quint8(buffer.at(4));
        const QByteArray payload = buffer.mid(5, qsizetype(packetLength) - padding - 1);
        constexpr int kexInit = 20;
        if (payload.isEmpty() || quint8(payload.at(0)) != kexInit) {
            result.error = QStringLiteral("the first packet is not a KEXINIT");
            return result;
        }
        qsizetype at = 1 + 16; // message number, cookie
        const auto nameList = [&]() -> std::optional<QStringList> {
            if (at + 4 > payload.size())
                return std::nullopt;
            const quint32 length = qFromBigEndian<quint32>(payload.constData() + at);
            at += 4;
            if (at + qsizetype(length) > payload.size())
                return std::nullopt;
            const QString names = QString::fromLatin1(payload.constData() + at, qsizetype(length));
            at += length;
            return names.split(u',', Qt::SkipEmptyParts);
        };
        QStringList *lists[] = {&result.keyExchange,           &result.hostKeys,
                                &result.ciphersClientToServer, &result.ciphersServerToClient,
                                &result.macsClientToServer,    &result.macsServerToClient};
        for (QStringList *list : lists) {
            const auto names = nameList();
            if (!names) {
                result.error = QStringLiteral("a KEXINIT cut short");
                return result;
            }
            *list = *names;
        }
        return result;
    }
};

} // namespace testsupport
