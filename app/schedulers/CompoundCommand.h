// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"
#include "sshcore/SshCommand.h"

#include <QByteArray>
#include <QList>

namespace app {

// Several command lines run as ONE remote command (the Monitor samples everything once per
// refresh), and the result split back into one CommandResult per part: each part's standard
// output and standard error kept apart, byte for byte (binary, no trailing newline), with its own
// exit status. The parts run one after another in subshells with no standard input.
//
// How the parts are told apart: after each part the remote shell prints a header line
// "<marker> <index> <exit status> <stdout bytes> <stderr bytes>", then the part's output and
// error, each kept in a temporary file until the part ended. The marker is random per
// CompoundCommand and split() walks the output by the byte counts, so nothing a part prints (a
// copy of an earlier marker, fake headers) can end a part early or make up another. Output before
// the first header (a login script's chatter) is skipped.
class CompoundCommand
{
public:
    // An empty part stands for ":" (does nothing, exit status 0).
    explicit CompoundCommand(QList<QByteArray> commandLines);

    // The POSIX sh command line that runs every part.
    QByteArray join() const;
    // One result per part, in order; an error when the output does not hold every part (the
    // command was cut short, the temporary folder could not be made, the output is not this
    // command's).
    sshcore::Result<QList<sshcore::CommandResult>> split(const sshcore::CommandResult &whole) const;

    const QByteArray &marker() const { return m_marker; }
    qsizetype size() const { return m_parts.size(); }

private:
    QList<QByteArray> m_parts;
    QByteArray m_marker;
};

} // namespace app
