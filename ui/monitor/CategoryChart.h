// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ui/monitor/ChartPanel.h"

#include <QList>
#include <QStringList>

class QBarCategoryAxis;
class QAbstractBarSeries;
class QValueAxis;

namespace ui {

// A set of bars: one value per category ("allocated" CPUs per partition).
struct BarSet
{
    QString name;
    QList<double> values; // one per category
};

// Bars per category (partitions, jobs), stacked (allocated / idle / unavailable of a whole) or side
// by side (CPU, memory and time efficiency of a job). Hovering a bar shows its set, category and value.
class CategoryChart : public ChartPanel
{
    Q_OBJECT

public:
    enum class Layout { Stacked, Grouped };

    CategoryChart(const QString &title, const QString &unit, Layout layout, QWidget *parent = nullptr);

    void setData(const QStringList &categories, const QList<BarSet> &sets);
    const QStringList &categories() const { return m_categories; }
    const QList<BarSet> &sets() const { return m_sets; }
    // The value axis goes at least up to this (100 for percentages).
    void setMinimumTop(double top) { m_minimumTop = top; }
    // How values read in tooltips ("%1 %", "%1 CPUs") and their precision.
    void setValueFormat(const QString &format, int decimals);

    ChartTable table() const override;

protected:
    void applyPalette() override;

private:
    QString m_unit;
    Layout m_layout;
    QString m_valueFormat = QStringLiteral("%1");
    int m_decimals = 0;
    double m_minimumTop = 1;
    QStringList m_categories;
    QList<BarSet> m_sets;
    QAbstractBarSeries *m_series;
    QBarCategoryAxis *m_categoryAxis;
    QValueAxis *m_valueAxis;
};

} // namespace ui
