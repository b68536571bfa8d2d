// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshConnectionState.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

class QPainter;
class QRectF;

namespace ui {

// How a connection's state looks everywhere (side bar, panel, status bar): a filled dot in the
// state's colour (green connected, amber on the way, red failed), an empty ring when not connected.
QColor connectionStateColour(sshcore::SshConnectionState state, const QPalette &palette);
void paintConnectionState(QPainter *painter, const QRectF &rect, sshcore::SshConnectionState state,
                          const QPalette &palette);
QIcon connectionStateIcon(sshcore::SshConnectionState state, const QColor &accent, const QPalette &palette);

} // namespace ui
