// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace app {

// One line of "what is this build made of", for --version and the About dialog.
struct ComponentVersion
{
    QString name;
    QString version;
};

// clusterdesk itself, Qt and libssh2: the components every front end has.
QList<ComponentVersion> coreComponentVersions();

// "clusterdesk 0.1.0\nQt 6.8.2\n..." for a program's --version.
QString versionText(const QString &program, const QList<ComponentVersion> &components);

} // namespace app
