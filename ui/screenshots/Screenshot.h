// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QString>

class QWidget;

namespace ui {

// Saves what the window system shows of a top-level window as PNG (falling back to the widget's own
// rendering on platforms that cannot grab the screen, such as offscreen). Used by the demo and the
// GUI tests so that people can look at what the app shows.
sshcore::Result<> saveScreenshot(QWidget *window, const QString &path);

} // namespace ui
