// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/clusters/ConnectionStateIcon.h"

#include "ui/widgets/Palette.h"

#include <QPainter>
#include <QPixmap>

namespace ui {

using sshcore::SshConnectionState;

QColor connectionStateColour(SshConnectionState state, const QPalette &palette)
{
    switch (state) {
    case SshConnectionState::Connected: return palette::success(palette);
    case SshConnectionState::Connecting:
    case SshConnectionState::Authenticating:
    case SshConnectionState::Reconnecting: return palette::warning(palette);
    case SshConnectionState::Failed: return palette::danger(palette);
    case SshConnectionState::Disconnected: break;
    }
    return palette.color(QPalette::PlaceholderText);
}

void paintConnectionState(QPainter *painter, const QRectF &rect, SshConnectionState state, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = connectionStateColour(state, palette);
    if (state == SshConnectionState::Disconnected) {
        painter->setPen(QPen(colour, 1.6));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(rect.adjusted(1, 1, -1, -1));
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(rect);
        if (state == SshConnectionState::Failed) { // a white bar: not only the colour says it
            painter->setBrush(Qt::white);
            const qreal h = rect.height() * 0.18;
            painter->drawRect(
                QRectF(rect.left() + rect.width() * 0.25, rect.center().y() - h / 2, rect.width() * 0.5, h));
        }
    }
    painter->restore();
}

QIcon connectionStateIcon(SshConnectionState state, const QColor &accent, const QPalette &palette)
{
    QIcon icon;
    for (const int size : {14, 16, 28, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        QRectF rect(0, 0, size, size);
        if (accent.isValid()) { // the cluster's own colour as a ring
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(accent, size / 7.0));
            painter.drawEllipse(rect.adjusted(size / 14.0, size / 14.0, -size / 14.0, -size / 14.0));
            rect = rect.adjusted(size * 0.25, size * 0.25, -size * 0.25, -size * 0.25);
        }
        paintConnectionState(&painter, rect, state, palette);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace ui
