// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;

namespace ui {

// What an area shows while it has nothing to show: an icon, a title, what will be here, and what
// the user can do about it.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT

public:
    EmptyStateWidget(const QString &iconPath, const QString &title, const QString &description,
                     QWidget *parent = nullptr);

    QString title() const;
    QString description() const;
    QString hint() const;
    void setHint(const QString &hint);

private:
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_hint;
};

} // namespace ui
