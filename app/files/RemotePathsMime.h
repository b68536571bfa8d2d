// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QMimeData;

namespace app {

// How remote paths travel in a drag inside clusterdesk: the cluster they come from (so a drop on
// another cluster's pane is recognised) and each path as bytes (no encoding is assumed), with the
// paths as plain text too for other programs.
namespace RemotePathsMime {

inline constexpr auto Type = "application/x-clusterdesk-remote-paths";

// A new QMimeData carrying paths from origin; null when there are none.
QMimeData *encode(const QString &origin, const QList<QByteArray> &paths);

// The paths a QMimeData carries (none if it carries no remote paths), and where they come from.
QList<QByteArray> decode(const QMimeData *data, QString *origin = nullptr);

} // namespace RemotePathsMime

} // namespace app
