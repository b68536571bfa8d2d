// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedLayout;
class QToolButton;

namespace ui {

// A table of a chart's data, as its CSV export writes it: a header row and one row per point.
struct ChartTable
{
    QStringList header;
    QList<QStringList> rows;

    QByteArray toCsv() const;
};

// One chart of the Monitor area with what every chart has: a title, the chart, an Export menu
// (PNG, SVG, and its data as CSV), colours that follow the light or dark palette, and in place of
// the chart a sentence when there is nothing to draw ("The scheduler does not report GPU use.").
// TimeChart and CategoryChart fill it.
class ChartPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanel(const QString &title, QWidget *parent = nullptr);

    QString title() const;
    QChart *chart() const { return m_chart; }
    QChartView *view() const { return m_view; }
    // Shows why there is no chart instead of it (an empty text shows the chart again).
    void setUnavailable(const QString &why);
    bool isUnavailable() const;
    QString unavailableReason() const;

    // The chart's data; the export's CSV.
    virtual ChartTable table() const = 0;

    // Writes the chart as shown (at its size; a small chart is drawn at 1000 x 600) or its data.
    sshcore::Result<void> savePng(const QString &path) const;
    sshcore::Result<void> saveSvg(const QString &path) const;
    sshcore::Result<void> saveCsv(const QString &path) const;

    // Series colours readable on the palette's background, in order.
    static QColor seriesColour(int index, const QPalette &palette);

Q_SIGNALS:
    // A line for the status bar: "Saved GPU utilisation as …" or why it could not be saved.
    void message(const QString &text);

protected:
    // Extra buttons go before the Export menu.
    void addHeaderButton(QWidget *button);
    // Called when the palette changes: re-colour what the panel does not know (series, limits).
    virtual void applyPalette();
    void changeEvent(QEvent *event) override;

private:
    void exportAs(const QString &format);
    void renderTo(QPainter *painter, const QRectF &target) const;

    QLabel *m_title;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_unavailable;
    QStackedLayout *m_stack;
    QToolButton *m_export;
    QWidget *m_header;
};

} // namespace ui
