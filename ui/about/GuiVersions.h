// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/about/Versions.h"

namespace ui {

// The core components plus what only the desktop app links (KSyntaxHighlighting).
QList<app::ComponentVersion> guiComponentVersions();

} // namespace ui
