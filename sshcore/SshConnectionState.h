// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMetaType>

namespace sshcore {

// The life of a connection, as users see it in the status bar.
enum class SshConnectionState { Disconnected, Connecting, Authenticating, Connected, Reconnecting, Failed };

} // namespace sshcore

Q_DECLARE_METATYPE(sshcore::SshConnectionState)
