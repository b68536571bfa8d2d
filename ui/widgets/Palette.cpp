// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/widgets/Palette.h"

#include <QWidget>

namespace ui::palette {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor success(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xc3, 0x7e) : QColor(0x1f, 0x8a, 0x4c);
}

QColor warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb0, 0x4a) : QColor(0xc2, 0x7a, 0x0e);
}

QColor danger(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xef, 0x6b, 0x6b) : QColor(0xc0, 0x2b, 0x2b);
}

QColor tint(const QColor &colour, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const float amount = isDark(palette) ? 0.22f : 0.10f;
    const auto mix = [amount](float a, float b) { return a * (1 - amount) + b * amount; };
    return QColor::fromRgbF(mix(base.redF(), colour.redF()), mix(base.greenF(), colour.greenF()),
                            mix(base.blueF(), colour.blueF()));
}

void showAsProblem(QWidget *widget)
{
    QPalette red = widget->palette();
    red.setColor(QPalette::WindowText, danger(red));
    widget->setPalette(red);
}

} // namespace ui::palette
