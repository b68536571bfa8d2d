// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/ShellQuote.h"

#include <algorithm>

namespace sshcore {

namespace {
// Characters that never need quoting; anything else is quoted, so the result never depends on the
// remote shell's locale or options.
bool isPlain(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
           || c == '.' || c == '/' || c == ',' || c == ':' || c == '@' || c == '+' || c == '=';
}
} // namespace

QByteArray ShellQuote::quote(QByteArrayView argument)
{
    // A leading '-' is safe for the shell but not for the program; callers put "--" or "./" first.
    const bool plain = !argument.isEmpty() && std::all_of(argument.begin(), argument.end(), isPlain)
                       && argument.front() != '=';
    if (plain)
        return argument.toByteArray();
    QByteArray quoted;
    quoted.reserve(argument.size() + 2);
    quoted += '\'';
    for (const char c : argument) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    quoted += '\'';
    return quoted;
}

QByteArray ShellQuote::command(const QList<QByteArray> &arguments)
{
    QByteArray line;
    for (const QByteArray &argument : arguments) {
        if (!line.isEmpty())
            line += ' ';
        line += quote(argument);
    }
    return line;
}

} // namespace sshcore
