#pragma once

#include "app/about/Versions.h"

namespace ui {

// The core components plus what only the desktop app links (KSyntaxHighlighting).
QList<app::ComponentVersion> guiComponentVersions();

} // namespace ui
