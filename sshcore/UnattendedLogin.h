// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

#include <optional>

namespace sshcore {

// What a login that needed no person used, so that another session to the same server (the extra
// sessions of a big transfer) logs in the same way without asking anyone: the host key the server
// showed (known, or accepted for this connection), and the secrets that came from a keyring, never
// from a person. Kept in memory only.
struct UnattendedLogin
{
    QString hostKeySha256; // "SHA256:..."
    std::optional<QString> password;
    QHash<QString, QString> passphrases; // by key file
};

} // namespace sshcore

Q_DECLARE_METATYPE(std::optional<sshcore::UnattendedLogin>)
