// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/about/GuiVersions.h"

#include <ksyntaxhighlighting_version.h>

namespace ui {

QList<app::ComponentVersion> guiComponentVersions()
{
    QList<app::ComponentVersion> versions = app::coreComponentVersions();
    versions.append({QStringLiteral("KSyntaxHighlighting"), QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING)});
    return versions;
}

} // namespace ui
