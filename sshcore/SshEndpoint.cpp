// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshEndpoint.h"

#include <QCoreApplication>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SshEndpoint)
};

} // namespace

Result<SshEndpoint> SshEndpoint::parse(const QString &text)
{
    SshEndpoint endpoint;
    QString rest = text.trimmed();
    if (rest.startsWith(u"ssh://"))
        rest = rest.mid(6);
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0) {
        endpoint.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    QString portText;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return failure(Tr::tr("\"%1\" has an unclosed '['.").arg(text));
        endpoint.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return failure(Tr::tr("\"%1\" is not user@host:port.").arg(text));
            portText = after.mid(1);
        }
    } else if (rest.count(u':') == 1) {
        endpoint.host = rest.section(u':', 0, 0);
        portText = rest.section(u':', 1);
    } else {
        endpoint.host = rest;
    }
    if (endpoint.host.isEmpty())
        return failure(Tr::tr("\"%1\" names no host.").arg(text));
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return failure(Tr::tr("\"%1\" is not a port number (1 to 65535).").arg(portText));
        endpoint.port = quint16(port);
    }
    return endpoint;
}

QString SshEndpoint::toString() const
{
    QString text = user.isEmpty() ? host : user + u'@' + host;
    if (port != 0)
        text += u':' + QString::number(port);
    return text;
}

} // namespace sshcore
