// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/jobs/JobHistoryView.h"

#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"
#include "ui/jobs/JobStateColour.h"
#include "ui/widgets/Palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QString percentText(const std::optional<double> &fraction)
{
    return fraction ? QStringLiteral("%1 %").arg(qRound(*fraction * 100)) : QStringLiteral("–");
}

} // namespace

JobHistoryView::JobHistoryView(QWidget *parent)
    : QWidget(parent)
{
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("historyDays"));
    m_days->setRange(1, 365);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days", "spin box suffix"));
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    refresh->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 0);
    bar->addWidget(new QLabel(tr("Jobs of the last"), this));
    bar->addWidget(m_days);
    bar->addWidget(refresh);
    bar->addWidget(m_status, 1);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->setHeaderLabels({tr("Job"), tr("Name"), tr("State"), tr("Partition"), tr("Ran"), tr("Limit"), tr("CPUs"),
                             tr("CPU use"), tr("Memory use"), tr("Time use"), tr("Ended")});
    m_list->setColumnWidth(0, 110);
    m_list->setColumnWidth(1, 160);
    auto *hint = new QLabel(tr("CPU use: of the CPUs the job held, how busy they were. Memory use: its largest "
                               "step's peak against what it asked for. Time use: of its time limit. Low figures "
                               "mean you can ask for less, and wait less in the queue."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);
    hint->setContentsMargins(8, 0, 8, 6);
    layout->addWidget(hint);
    connect(refresh, &QToolButton::clicked, this, &JobHistoryView::refresh);
    connect(m_days, &QSpinBox::editingFinished, this, &JobHistoryView::refresh);
}

void JobHistoryView::setClient(app::SchedulerClient *client)
{
    m_client = client;
    m_list->clear();
    m_status->clear();
}

void JobHistoryView::refresh()
{
    app::SchedulerClient *current = m_client;
    if (!current) {
        m_status->setText(tr("Connect to a cluster with a batch scheduler to see its history."));
        return;
    }
    m_status->setText(tr("Asking the scheduler's accounting…"));
    const QDateTime since = QDateTime::currentDateTime().addDays(-m_days->value());
    current->history(since, {}, this, [this](sshcore::Result<QList<app::JobAccounting>> records) {
        if (!records) {
            m_status->setText(records.error().message);
            palette::showAsProblem(m_status);
            return;
        }
        m_status->setPalette(palette());
        m_status->setText(records->size() == 1 ? tr("1 job") : tr("%1 jobs").arg(records->size()));
        m_list->setSortingEnabled(false);
        m_list->clear();
        const QPalette colours = palette();
        const auto efficiencyColour = [&](const std::optional<double> &fraction) {
            if (!fraction)
                return colours.color(QPalette::PlaceholderText);
            return *fraction < 0.25  ? palette::danger(colours)
                   : *fraction < 0.6 ? palette::warning(colours)
                                     : palette::success(colours);
        };
        for (const app::JobAccounting &record : std::as_const(*records)) {
            const auto duration = [](const std::optional<qint64> &seconds) {
                return seconds ? app::units::formatDuration(*seconds) : QStringLiteral("–");
            };
            auto *item = new QTreeWidgetItem(
                m_list,
                {record.id, record.name, app::jobStateName(record.state), record.partition,
                 duration(record.elapsedSeconds), duration(record.timeLimitSeconds),
                 QString::number(record.allocatedCpus), percentText(record.cpuEfficiency()),
                 percentText(record.memoryEfficiency()), percentText(record.timeEfficiency()),
                 record.endTime.isValid() ? QLocale().toString(record.endTime.toLocalTime(), QLocale::ShortFormat)
                                          : QString()});
            item->setForeground(2, jobStateColour(record.state, colours));
            item->setForeground(7, efficiencyColour(record.cpuEfficiency()));
            item->setForeground(8, efficiencyColour(record.memoryEfficiency()));
            item->setToolTip(8, record.maxRssBytes && record.requestedMemoryBytes
                                    ? tr("Peak %1 of %2 asked for")
                                          .arg(app::units::describeMemory(*record.maxRssBytes),
                                               app::units::describeMemory(*record.requestedMemoryBytes))
                                    : QString());
            item->setToolTip(2, tr("Exit code %1").arg(record.exitCode));
            for (int column : {4, 5, 6, 7, 8, 9})
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        m_list->setSortingEnabled(true);
        m_list->sortByColumn(0, Qt::DescendingOrder);
    });
}

} // namespace ui
