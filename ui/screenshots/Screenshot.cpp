// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/screenshots/Screenshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QScreen>
#include <QWidget>

namespace ui {

sshcore::Result<> saveScreenshot(QWidget *window, const QString &path)
{
    // What was typed or changed last may not be painted yet: paint now, then grab.
    window->repaint();
    QCoreApplication::processEvents();
    QPixmap pixmap;
    if (QScreen *screen = window->screen())
        pixmap = screen->grabWindow(window->winId());
    if (pixmap.isNull())
        pixmap = window->grab();
    if (pixmap.isNull())
        return sshcore::failure(QStringLiteral("Could not capture the window."));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return sshcore::failure(QStringLiteral("Could not create the folder for %1.").arg(path));
    if (!pixmap.save(path, "PNG"))
        return sshcore::failure(QStringLiteral("Could not write %1.").arg(path));
    return {};
}

} // namespace ui
