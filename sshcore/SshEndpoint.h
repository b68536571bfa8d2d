// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QString>

namespace sshcore {

// Where to log in: "user@host:port" as users write it (also "[v6addr]:port").
struct SshEndpoint
{
    QString user; // empty: the configuration's or the local user's
    QString host;
    quint16 port = 0; // 0: the configuration's or 22

    static Result<SshEndpoint> parse(const QString &text);
    QString toString() const; // "user@host:port", the parts that are set
};

} // namespace sshcore
