// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/profiles/Profile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace cli {

// The clusters the desktop app saved, as TARGETs: a TARGET that is exactly a profile's name connects
// as that profile does in the app (its host, user, port, jump hosts, key and known_hosts over what
// ~/.ssh/config says), before any ~/.ssh/config alias of the same name ("ssh://NAME" reaches the
// alias). A demo profile follows the running demo cluster's address, as in the app.

// The profile named target, if any. A profiles file that cannot be read is said on standard error
// and treated as empty: the target may still be an ssh alias or an address.
std::optional<app::Profile> profileNamed(const QString &target);

// "clusterdesk-cli profiles": one profile a line, tab-separated: name, user@host[:port], jump hosts
// (comma-separated, or -), scheduler. Reads only the file: connects nowhere (the shell completions
// call it). 0, or 1 if the file cannot be read.
int profilesCommand(const QStringList &arguments);

} // namespace cli
