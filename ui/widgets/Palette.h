// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

class QWidget;

namespace ui::palette {

// Status colours that stay readable on both light and dark system palettes.
bool isDark(const QPalette &palette = QGuiApplication::palette());
QColor success(const QPalette &palette = QGuiApplication::palette());
QColor warning(const QPalette &palette = QGuiApplication::palette());
QColor danger(const QPalette &palette = QGuiApplication::palette());
// A faint wash of colour over the palette's base, for messages shown in place.
QColor tint(const QColor &colour, const QPalette &palette = QGuiApplication::palette());
// Shows a widget's text in the danger colour of its palette (a problem stated next to a field).
void showAsProblem(QWidget *widget);

} // namespace ui::palette
