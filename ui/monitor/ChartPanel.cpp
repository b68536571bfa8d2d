// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/ChartPanel.h"

#include "ui/widgets/Palette.h"

#include <QAbstractAxis>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QStackedLayout>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

using sshcore::ErrorKind;
using sshcore::failure;
using sshcore::Result;

namespace ui {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

ErrorKind fileErrorKind(QFileDevice::FileError error)
{
    switch (error) {
    case QFileDevice::PermissionsError: return ErrorKind::PermissionDenied;
    case QFileDevice::ResourceError: return ErrorKind::NoSpace;
    default: return ErrorKind::Other;
    }
}

// Writes bytes made by write() to path whole or not at all (a full disk leaves the old file).
Result<void> saveFile(const QString &path, const std::function<bool(QIODevice *)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(fileErrorKind(file.error()),
                       ChartPanel::tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (!write(&file)) {
        file.cancelWriting();
        return failure(fileErrorKind(file.error()),
                       ChartPanel::tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    if (!file.commit())
        return failure(fileErrorKind(file.error()), ChartPanel::tr("Cannot write %1: %2. Nothing was saved.")
                                                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

// A file name from a chart's title: "GPU utilisation" → "gpu-utilisation".
QString fileStem(const QString &title)
{
    QString stem;
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber())
            stem += c;
        else if (!stem.isEmpty() && !stem.endsWith(QLatin1Char('-')))
            stem += QLatin1Char('-');
    }
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("chart") : stem;
}

} // namespace

QByteArray ChartTable::toCsv() const
{
    QString text;
    const auto line = [&text](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                text += QLatin1Char(',');
            text += csvField(fields.at(i));
        }
        text += QLatin1String("\r\n");
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    return text.toUtf8();
}

ChartPanel::ChartPanel(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_unavailable(new QLabel(this))
    , m_export(new QToolButton(this))
    , m_header(new QWidget(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    m_view->setFrameShape(QFrame::NoFrame);

    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_unavailable->setMargin(24);
    m_unavailable->setForegroundRole(QPalette::PlaceholderText);

    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Save this chart as an image, or its data as CSV"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setAutoRaise(true);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("Image (PNG)…"), this, [this] { exportAs(QStringLiteral("png")); });
    menu->addAction(tr("Vector image (SVG)…"), this, [this] { exportAs(QStringLiteral("svg")); });
    menu->addAction(tr("Data (CSV)…"), this, [this] { exportAs(QStringLiteral("csv")); });
    m_export->setMenu(menu);

    auto *headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(m_title, 1);
    headerLayout->addWidget(m_export);

    auto *chartArea = new QWidget(this);
    m_stack = new QStackedLayout(chartArea);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_unavailable);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(chartArea, 1);
    applyPalette();
}

QString ChartPanel::title() const
{
    return m_title->text();
}

void ChartPanel::setUnavailable(const QString &why)
{
    m_unavailable->setText(why);
    m_stack->setCurrentWidget(why.isEmpty() ? static_cast<QWidget *>(m_view) : m_unavailable);
    m_export->setEnabled(why.isEmpty());
}

bool ChartPanel::isUnavailable() const
{
    return m_stack->currentWidget() == m_unavailable;
}

QString ChartPanel::unavailableReason() const
{
    return isUnavailable() ? m_unavailable->text() : QString();
}

void ChartPanel::addHeaderButton(QWidget *button)
{
    auto *layout = static_cast<QHBoxLayout *>(m_header->layout());
    layout->insertWidget(layout->count() - 1, button);
}

QColor ChartPanel::seriesColour(int index, const QPalette &palette)
{
    // Distinct hues that keep their contrast on white and on a dark grey (Okabe–Ito-like).
    static constexpr std::array<QRgb, 6> light{0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0x8a6d00, 0x5656c8};
    static constexpr std::array<QRgb, 6> dark{0x56b4e9, 0xf08c3c, 0x3cd2a0, 0xe89cc8, 0xf0e442, 0xa0a0ff};
    const int n = int(light.size());
    const std::size_t at = std::size_t(((index % n) + n) % n);
    return QColor::fromRgb(palette::isDark(palette) ? dark[at] : light[at]);
}

void ChartPanel::applyPalette()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.brush(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    m_view->setBackgroundBrush(pal.brush(QPalette::Base));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.12f);
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setTitleBrush(pal.brush(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

void ChartPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ChartPanel::renderTo(QPainter *painter, const QRectF &target) const
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(target, palette().brush(QPalette::Base));
    QFont font = m_title->font();
    painter->setFont(font);
    painter->setPen(palette().color(QPalette::Text));
    const int titleHeight = QFontMetrics(font).height() + 8;
    painter->drawText(target.adjusted(8, 4, -8, 0), Qt::AlignLeft | Qt::AlignTop, title());
    m_chart->scene()->render(painter, target.adjusted(0, titleHeight, 0, 0), m_chart->sceneBoundingRect());
}

Result<void> ChartPanel::savePng(const QString &path) const
{
    // A chart not on screen yet (or tiny) is laid out at a size that reads well in a report.
    QSize size = m_view->size();
    if (size.width() < 400 || size.height() < 240)
        size = QSize(1000, 600);
    const QSize chartSize = m_chart->size().toSize();
    if (chartSize.width() < 400 || chartSize.height() < 240)
        m_chart->resize(size);
    const qreal ratio = std::max<qreal>(2, devicePixelRatioF());
    const int titleHeight = QFontMetrics(m_title->font()).height() + 8;
    QImage image(QSize(int(m_chart->size().width() * ratio), int((m_chart->size().height() + titleHeight) * ratio)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    {
        QPainter painter(&image);
        renderTo(&painter,
                 QRectF(QPointF(0, 0), QSizeF(m_chart->size().width(), m_chart->size().height() + titleHeight)));
    }
    return saveFile(path, [&image](QIODevice *device) { return image.save(device, "PNG"); });
}

Result<void> ChartPanel::saveSvg(const QString &path) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const int titleHeight = QFontMetrics(m_title->font()).height() + 8;
    QSizeF size = m_chart->size();
    if (size.width() < 400 || size.height() < 240) {
        m_chart->resize(QSizeF(1000, 600));
        size = m_chart->size();
    }
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(QSize(int(size.width()), int(size.height()) + titleHeight));
        generator.setViewBox(QRectF(0, 0, size.width(), size.height() + titleHeight));
        generator.setTitle(title());
        generator.setDescription(tr("Made by clusterdesk"));
        QPainter painter(&generator);
        renderTo(&painter, QRectF(0, 0, size.width(), size.height() + titleHeight));
    }
    const QByteArray bytes = buffer.data();
    return saveFile(path, [&bytes](QIODevice *device) { return device->write(bytes) == bytes.size(); });
}

Result<void> ChartPanel::saveCsv(const QString &path) const
{
    const QByteArray bytes = table().toCsv();
    return saveFile(path, [&bytes](QIODevice *device) { return device->write(bytes) == bytes.size(); });
}

void ChartPanel::exportAs(const QString &format)
{
    const QString folder = QStandardPaths::writableLocation(
        format == QLatin1String("csv") ? QStandardPaths::DocumentsLocation : QStandardPaths::PicturesLocation);
    auto *dialog = new QFileDialog(this, tr("Export “%1”").arg(title()), folder);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(format);
    dialog->selectFile(fileStem(title()) + QLatin1Char('.') + format);
    if (format == QLatin1String("png"))
        dialog->setNameFilter(tr("PNG images (*.png)"));
    else if (format == QLatin1String("svg"))
        dialog->setNameFilter(tr("SVG images (*.svg)"));
    else
        dialog->setNameFilter(tr("CSV files (*.csv)"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        Result<void> saved = format == QLatin1String("png")   ? savePng(path)
                             : format == QLatin1String("svg") ? saveSvg(path)
                                                              : saveCsv(path);
        Q_EMIT message(saved ? tr("Saved “%1” as %2.").arg(title(), QDir::toNativeSeparators(path))
                             : saved.error().message);
    });
    dialog->open();
}

} // namespace ui
