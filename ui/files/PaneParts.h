// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMessageBox>
#include <QStyle>

class QLabel;
class QLineEdit;
class QToolBar;
class QWidget;

namespace ui {

// Small pieces the Files area's panes share.

// The desktop theme's icon, or the style's when the theme has none.
QIcon filesIcon(const QWidget *widget, const char *themeName, QStyle::StandardPixmap fallback);

// A pane's top: its title and tools on one line, the folder's path below.
QWidget *paneHeader(QWidget *parent, QLabel *title, QToolBar *tools, QLineEdit *path);

// A problem told without blocking the window (transfers and listings carry on meanwhile).
void showFilesProblem(QWidget *parent, const QString &title, const QString &text,
                      QMessageBox::Icon icon = QMessageBox::Warning);

} // namespace ui
