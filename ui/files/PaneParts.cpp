// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/PaneParts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolBar>
#include <QVBoxLayout>

namespace ui {

QIcon filesIcon(const QWidget *widget, const char *themeName, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(themeName), widget->style()->standardIcon(fallback));
}

QWidget *paneHeader(QWidget *parent, QLabel *title, QToolBar *tools, QLineEdit *path)
{
    auto *header = new QWidget(parent);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    top->addWidget(tools);
    layout->addLayout(top);
    layout->addWidget(path);
    return header;
}

void showFilesProblem(QWidget *parent, const QString &title, const QString &text, QMessageBox::Icon icon)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("FilesProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ui
