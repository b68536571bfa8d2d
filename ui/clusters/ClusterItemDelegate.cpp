#include "ui/clusters/ClusterItemDelegate.h"

#include "app/clusters/ClusterListModel.h"

#include <QApplication>
#include <QPainter>

namespace ui {

namespace {

constexpr int padding = 10;
constexpr int dotSize = 10;
constexpr int lineSpacing = 2;

QColor reachabilityColor(app::ClusterListModel::Reachability reachability)
{
    using Reachability = app::ClusterListModel::Reachability;
    switch (reachability) {
    case Reachability::Reachable:
        return QColor(0x2e, 0xa0, 0x5f);
    case Reachability::Unreachable:
        return QColor(0xd0, 0x3b, 0x3b);
    case Reachability::Checking:
        return QColor(0xe0, 0x9a, 0x2f);
    case Reachability::Unknown:
        break;
    }
    return QColor(0x9a, 0xa0, 0xa6);
}

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

} // namespace

void ClusterItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal
                                                                             : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.7f);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect area = option.rect.adjusted(padding, padding, -padding, -padding);
    const QFont name = nameFont(option.font);
    const QFont detail = detailFont(option.font);
    const QFontMetrics nameMetrics(name);
    const QFontMetrics detailMetrics(detail);

    const auto reachability = index.data(app::ClusterListModel::ReachabilityRole)
                                  .value<app::ClusterListModel::Reachability>();
    const QRect dot(area.left(), area.top() + (nameMetrics.height() - dotSize) / 2, dotSize, dotSize);
    painter->setPen(Qt::NoPen);
    if (selected) { // a light halo keeps green and red readable on the highlight
        painter->setBrush(text);
        painter->drawEllipse(dot.adjusted(-2, -2, 2, 2));
    }
    painter->setBrush(reachabilityColor(reachability));
    painter->drawEllipse(dot);

    const int textLeft = dot.right() + padding;
    const int width = area.right() - textLeft;
    int y = area.top();
    painter->setFont(name);
    painter->setPen(text);
    painter->drawText(QRect(textLeft, y, width, nameMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, width));
    y += nameMetrics.height() + lineSpacing;

    painter->setFont(detail);
    painter->setPen(muted);
    const QStringList lines = {index.data(app::ClusterListModel::AddressRole).toString(),
                               index.data(app::ClusterListModel::DescriptionRole).toString(),
                               index.data(app::ClusterListModel::StatusTextRole).toString()};
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        painter->drawText(QRect(textLeft, y, width, detailMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          detailMetrics.elidedText(line, Qt::ElideRight, width));
        y += detailMetrics.height() + lineSpacing;
    }
    painter->restore();
}

QSize ClusterItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics nameMetrics(nameFont(option.font));
    const QFontMetrics detailMetrics(detailFont(option.font));
    const int height = 2 * padding + nameMetrics.height() + 3 * (detailMetrics.height() + lineSpacing);
    return {240, height};
}

} // namespace ui
