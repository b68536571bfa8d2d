// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFont>
#include <QWidget>

namespace ui {

// Makes widget's text a heading: scale times the size it has, in weight.
inline void makeHeading(QWidget *widget, qreal scale, QFont::Weight weight = QFont::DemiBold)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(weight);
    widget->setFont(font);
}

} // namespace ui
