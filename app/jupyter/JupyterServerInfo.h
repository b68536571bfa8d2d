// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QString>

namespace app {

// Where a running Jupyter server listens and how to talk to it, as the server itself wrote it.
struct JupyterServerInfo
{
    QString host; // as the server listens: the node's name
    quint16 port = 0;
    QString token;
    QString baseUrl; // "/"
    qint64 pid = 0;
    QString version; // Jupyter Server's; empty for classic Notebook 6, whose file has none

    bool operator==(const JupyterServerInfo &) const = default;
};

// The server's own runtime info file (jpserver-<pid>.json of Jupyter Server, nbserver-<pid>.json of
// classic Notebook 6). A server on a Unix socket, or one without a port, is an error: there is
// nothing to connect a tunnel to.
sshcore::Result<JupyterServerInfo> parseJupyterServerInfo(const QByteArray &json);

// Which file names in the runtime folder are info files (not jpserver-<pid>-open.html, kernel files
// or the launcher).
bool isJupyterServerInfoFile(const QString &fileName);

} // namespace app
