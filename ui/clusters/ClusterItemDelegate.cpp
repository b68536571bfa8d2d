// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/clusters/ClusterItemDelegate.h"

#include "app/clusters/ClusterListModel.h"
#include "ui/clusters/ConnectionStateIcon.h"
#include "ui/widgets/Palette.h"

#include <QApplication>
#include <QPainter>

namespace ui {

namespace {

constexpr int padding = 10;
constexpr int stripeWidth = 4;
constexpr int dotSize = 10;
constexpr int lineSpacing = 2;

QFont nameFont(const QFont &base)
{
    QFont font = base;
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont detailFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

int textLeft(const QRect &rect)
{
    return rect.left() + stripeWidth + padding + dotSize + padding;
}

} // namespace

void ClusterItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.7f);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor accent = QColor::fromString(index.data(app::ClusterListModel::ColourRole).toString());
    if (accent.isValid())
        painter->fillRect(QRect(option.rect.left(), option.rect.top() + 6, stripeWidth, option.rect.height() - 12),
                          accent);

    const QRect area = option.rect.adjusted(stripeWidth + padding, padding, -padding, -padding);
    const QFont name = nameFont(option.font);
    const QFont detail = detailFont(option.font);
    const QFontMetrics nameMetrics(name);
    const QFontMetrics detailMetrics(detail);

    const auto state = index.data(app::ClusterListModel::StateRole).value<sshcore::SshConnectionState>();
    const QRectF dot(area.left(), area.top() + (nameMetrics.height() - dotSize) / 2.0, dotSize, dotSize);
    if (selected) { // a light halo keeps green and red readable on the highlight
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Base));
        painter->drawEllipse(dot.adjusted(-2, -2, 2, 2));
    }
    paintConnectionState(painter, dot, state, option.palette);

    const int left = textLeft(option.rect);
    const int width = area.right() - left;
    int y = area.top();
    painter->setFont(name);
    painter->setPen(text);
    painter->drawText(QRect(left, y, width, nameMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, width));
    y += nameMetrics.height() + lineSpacing;

    painter->setFont(detail);
    const auto line = [&](const QString &value, const QColor &colour) {
        if (value.isEmpty())
            return;
        painter->setPen(colour);
        painter->drawText(QRect(left, y, width, detailMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          detailMetrics.elidedText(value, Qt::ElideRight, width));
        y += detailMetrics.height() + lineSpacing;
    };
    line(index.data(app::ClusterListModel::AddressRole).toString(), muted);
    line(index.data(app::ClusterListModel::DescriptionRole).toString(), muted);
    const bool failed = state == sshcore::SshConnectionState::Failed;
    line(index.data(app::ClusterListModel::StatusTextRole).toString(),
         failed && !selected
             ? palette::danger(option.palette)
             : (state == sshcore::SshConnectionState::Connected && !selected ? palette::success(option.palette)
                                                                             : muted));
    painter->restore();
}

QSize ClusterItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics nameMetrics(nameFont(option.font));
    const QFontMetrics detailMetrics(detailFont(option.font));
    const int height = 2 * padding + nameMetrics.height() + 3 * (detailMetrics.height() + lineSpacing);
    return {240, height};
}

void ClusterItemDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                               const QModelIndex &) const
{
    const QFontMetrics nameMetrics(nameFont(option.font));
    const int left = textLeft(option.rect) - 4;
    editor->setGeometry(left, option.rect.top() + padding - 4, option.rect.right() - padding - left,
                        nameMetrics.height() + 8);
}

} // namespace ui
