// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/widgets/EmptyStateWidget.h"

#include "ui/widgets/Fonts.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int iconSize = 96;
constexpr int textWidth = 520;
} // namespace

EmptyStateWidget::EmptyStateWidget(const QString &iconPath, const QString &title, const QString &description,
                                   QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_description(new QLabel(description, this))
    , m_hint(new QLabel(this))
{
    // The text sits in a column of fixed width, without per-item alignment, so that the layout
    // asks the wrapped labels for their height at that width and never clips a line.
    auto *column = new QWidget(this);
    column->setFixedWidth(textWidth);
    m_title->setParent(column);
    m_description->setParent(column);
    m_hint->setParent(column);

    auto *icon = new QLabel(column);
    icon->setPixmap(QIcon(iconPath).pixmap(iconSize, iconSize, QIcon::Normal));
    icon->setAlignment(Qt::AlignCenter);

    makeHeading(m_title, 1.5);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);

    for (QLabel *label : {m_description, m_hint}) {
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QPalette muted = m_hint->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_hint->setPalette(muted);
    m_hint->hide();

    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(0);
    columnLayout->addWidget(icon);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(m_title);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_description);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(m_hint);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(3);
    layout->addLayout(row);
    layout->addStretch(4);
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::description() const
{
    return m_description->text();
}

QString EmptyStateWidget::hint() const
{
    return m_hint->text();
}

void EmptyStateWidget::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

} // namespace ui
