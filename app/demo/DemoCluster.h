// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace app {

// The connection file ("cluster.json") that `packaging/dev cluster start` writes when the local
// demo cluster is ready: where its SSH servers listen, its users and how each logs in. The demo
// and the tests read it; it is the only place those facts live.
struct DemoCluster
{
    struct User
    {
        QString name;
        QStringList authMethods; // "publickey", "password", "publickey+keyboard-interactive"
        QString keyPath;         // private key, if the user logs in with one
        QString password;        // if the user logs in with one
        QString totpSecretHex;   // if the user needs a TOTP code (RFC 6238, SHA-1, 30 s, 6 digits)
    };

    static constexpr int supportedFormat = 1;

    QString name;
    QString hostname;
    QString host;
    quint16 loginPort = 0;
    quint16 bastionPort = 0;
    quint16 dropbearPort = 0;
    // Login nodes that allow only an old login node's algorithms, or a freshly hardened one's (0: the
    // file is from a cluster without them).
    quint16 oldLoginPort = 0;
    quint16 hardenedLoginPort = 0;
    QString loginHostKeySha256;
    QString knownHostsPath;
    QString schedulerType;
    QString schedulerVersion;
    QStringList partitions;
    QString defaultPartition;
    QList<User> users;
    QString runDir;
    QString logDir; // each daemon's log, e.g. sshd-login.log

    const User *user(QStringView userName) const;

    // Parses the file's contents. Pure; origin only names the file in messages.
    static sshcore::Result<DemoCluster> parse(QByteArrayView json, const QString &origin);
    static sshcore::Result<DemoCluster> load(const QString &path);

    // $CLUSTERDESK_DEMO_FILE, else the run directory packaging/dev uses: $CLUSTERDESK_RUN_DIR,
    // $CLUSTERDESK_CACHE/run or ${XDG_CACHE_HOME:-~/.cache}/clusterdesk/run (see packaging/lib/common.sh).
    static QString defaultFilePath();
};

} // namespace app
