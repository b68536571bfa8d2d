// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace sshcore {

// The one place where arguments become remote shell text. Every path or argument that reaches a
// remote shell goes through here: POSIX single quoting, byte-exact (names need not be UTF-8).
class ShellQuote
{
public:
    // 'it'\''s' — safe for any byte string, including empty, newlines and leading '-'.
    static QByteArray quote(QByteArrayView argument);

    // The program and its arguments, each quoted, separated by spaces.
    static QByteArray command(const QList<QByteArray> &arguments);
};

} // namespace sshcore
