// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/CategoryChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace ui {

CategoryChart::CategoryChart(const QString &title, const QString &unit, Layout layout, QWidget *parent)
    : ChartPanel(title, parent)
    , m_unit(unit)
    , m_layout(layout)
    , m_series(layout == Layout::Stacked ? static_cast<QAbstractBarSeries *>(new QHorizontalStackedBarSeries(this))
                                         : static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries(this)))
    , m_categoryAxis(new QBarCategoryAxis(this))
    , m_valueAxis(new QValueAxis(this))
{
    m_valueAxis->setTitleText(unit);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    chart()->addSeries(m_series);
    chart()->addAxis(m_categoryAxis, Qt::AlignLeft);
    chart()->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);
    m_series->setBarWidth(layout == Layout::Stacked ? 0.6 : 0.8);
    connect(m_series, &QAbstractBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
        if (!status || index < 0 || index >= m_categories.size()) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(),
                           tr("%1 · %2: %3")
                               .arg(m_categories.at(index), set->label(),
                                    m_valueFormat.arg(QLocale().toString(set->at(index), 'f', m_decimals))),
                           view());
    });
    applyPalette();
}

void CategoryChart::setValueFormat(const QString &format, int decimals)
{
    m_valueFormat = format;
    m_decimals = decimals;
}

void CategoryChart::setData(const QStringList &categories, const QList<BarSet> &sets)
{
    m_categories = categories;
    m_sets = sets;
    m_series->clear();
    double top = m_minimumTop;
    QList<double> stacked(categories.size(), 0);
    for (const BarSet &barSet : sets) {
        auto *set = new QBarSet(barSet.name);
        for (qsizetype i = 0; i < categories.size(); ++i) {
            const double value = i < barSet.values.size() ? barSet.values.at(i) : 0;
            set->append(value);
            stacked[i] += value;
            top = std::max(top, m_layout == Layout::Stacked ? stacked.at(i) : value);
        }
        m_series->append(set);
    }
    m_categoryAxis->clear();
    m_categoryAxis->append(categories);
    m_valueAxis->setRange(0, top * 1.05);
    m_valueAxis->applyNiceNumbers();
    chart()->legend()->setVisible(sets.size() > 1);
    applyPalette();
}

void CategoryChart::applyPalette()
{
    ChartPanel::applyPalette();
    const QList<QBarSet *> sets = m_series->barSets();
    for (qsizetype i = 0; i < sets.size(); ++i) {
        QColor colour = seriesColour(int(i), palette());
        // Stacked wholes read allocated / idle / unavailable: idle is the palette's quiet grey.
        if (m_layout == Layout::Stacked && i == 1) {
            colour = palette().color(QPalette::Text);
            colour.setAlphaF(0.18f);
        } else if (m_layout == Layout::Stacked && i == 2) {
            colour = palette().color(QPalette::Text);
            colour.setAlphaF(0.45f);
        }
        sets.at(i)->setColor(colour);
        sets.at(i)->setBorderColor(colour);
        sets.at(i)->setLabelColor(palette().color(QPalette::Text));
    }
}

ChartTable CategoryChart::table() const
{
    ChartTable table;
    table.header << QString();
    for (const BarSet &set : m_sets)
        table.header << (m_unit.isEmpty() ? set.name : tr("%1 (%2)").arg(set.name, m_unit));
    for (qsizetype i = 0; i < m_categories.size(); ++i) {
        QStringList row{m_categories.at(i)};
        for (const BarSet &set : m_sets)
            row << (i < set.values.size() ? QString::number(set.values.at(i), 'f', m_decimals) : QString());
        table.rows.append(row);
    }
    return table;
}

} // namespace ui
