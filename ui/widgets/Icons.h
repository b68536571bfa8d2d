// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIcon>
#include <QString>

namespace ui {

// The desktop theme's icon where it has one, else clusterdesk's own (resources/icons/<name>.svg).
inline QIcon themedIcon(const QString &themeName, const QString &ownName)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/clusterdesk/icons/%1.svg").arg(ownName)));
}

// The name of the app's icon in the desktop's icon theme: the app id, as installed under
// share/icons/hicolor/*/apps (resources/CMakeLists.txt).
inline QString appIconName()
{
    return QStringLiteral("io.github.clusterdesk.ClusterDesk");
}

// The app's icon: the installed one from the icon theme, else the one built into clusterdesk (a run
// from the build folder, or an icon theme that does not have it).
inline QIcon appIcon()
{
    return QIcon::fromTheme(appIconName(), QIcon(QStringLiteral(":/clusterdesk/icons/clusterdesk.svg")));
}

} // namespace ui
