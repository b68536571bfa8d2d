// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/TransferPanel.h"

#include "app/transfers/TransferQueue.h"
#include "app/transfers/TransferQueueModel.h"
#include "ui/widgets/Palette.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

namespace {
QToolButton *makeButton(const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

// The progress column as a progress bar with its text on it.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(3, 3, -3, -3);
        bar.minimum = 0;
        bar.maximum = 1000;
        const int value = index.data(app::TransferQueueModel::ProgressRole).toInt();
        bar.progress = value < 0 ? 0 : value;
        if (value < 0)
            bar.maximum = 0; // busy
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.textAlignment = Qt::AlignCenter;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        if (!index.data(app::TransferQueueModel::FailuresRole).toStringList().isEmpty())
            bar.palette.setColor(QPalette::Highlight, palette::danger(option.palette));
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
        size.setWidth(std::max(size.width(), 260));
        return size;
    }
};
} // namespace

TransferPanel::TransferPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new app::TransferQueueModel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_pause(makeButton(tr("&Pause"), this))
    , m_resume(makeButton(tr("Res&ume"), this))
    , m_cancel(makeButton(tr("Cance&l"), this))
    , m_retry(makeButton(tr("Re&try failed"), this))
    , m_failures(makeButton(tr("&Errors…"), this))
    , m_clear(makeButton(tr("Clear &done"), this))
{
    setObjectName(QStringLiteral("TransferPanel"));
    m_view->setObjectName(QStringLiteral("TransferList"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(app::TransferQueueModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(app::TransferQueueModel::NameColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(app::TransferQueueModel::NameColumn, 220);
    m_view->header()->resizeSection(app::TransferQueueModel::ProgressColumn, 300);
    m_view->header()->resizeSection(app::TransferQueueModel::RateColumn, 90);
    m_view->header()->resizeSection(app::TransferQueueModel::RemainingColumn, 90);

    // The summary gives way when the window is narrow (its whole text is in the tooltip).
    m_summary->setObjectName(QStringLiteral("transferSummary"));
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(40);
    auto *buttons = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Transfers</b>"), this);
    buttons->addWidget(title);
    buttons->addWidget(m_summary, 1);
    for (QToolButton *button : {m_pause, m_resume, m_cancel, m_retry, m_failures, m_clear})
        buttons->addWidget(button);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TransferPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TransferPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_view->setCurrentIndex(m_model->index(first, 0)); // the newest job, selected
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TransferPanel::updateButtons);
    connect(m_pause, &QToolButton::clicked, this, [this] { m_model->queue()->pause(selectedJob()); });
    connect(m_resume, &QToolButton::clicked, this, [this] { m_model->queue()->resume(selectedJob()); });
    connect(m_cancel, &QToolButton::clicked, this, [this] { m_model->queue()->cancel(selectedJob()); });
    connect(m_retry, &QToolButton::clicked, this, [this] { m_model->queue()->retry(selectedJob()); });
    connect(m_failures, &QToolButton::clicked, this, &TransferPanel::showFailures);
    connect(m_clear, &QToolButton::clicked, m_model, &app::TransferQueueModel::clearFinished);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!index.data(app::TransferQueueModel::FailuresRole).toStringList().isEmpty())
            showFailures();
    });
    updateButtons();
}

void TransferPanel::setQueue(app::TransferQueue *queue)
{
    m_model->setQueue(queue);
    updateButtons();
}

int TransferPanel::selectedJob() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->jobAt(current.row()) : 0;
}

void TransferPanel::updateButtons()
{
    const QModelIndex current = m_view->currentIndex();
    const auto can = [&](int role) { return current.isValid() && current.data(role).toBool(); };
    m_pause->setEnabled(can(app::TransferQueueModel::CanPauseRole));
    m_resume->setEnabled(can(app::TransferQueueModel::CanResumeRole));
    m_cancel->setEnabled(can(app::TransferQueueModel::CanCancelRole));
    m_retry->setEnabled(can(app::TransferQueueModel::CanRetryRole));
    m_failures->setEnabled(current.isValid()
                           && !current.data(app::TransferQueueModel::FailuresRole).toStringList().isEmpty());
    m_clear->setEnabled(m_model->rowCount() > 0);
    app::TransferQueue *queue = m_model->queue();
    if (!queue || queue->jobIds().isEmpty()) {
        m_summary->setText(tr("Drag files between the panes, or onto the cluster's pane from your file manager."));
        m_summary->setToolTip(m_summary->text());
        return;
    }
    const auto overall = queue->overall();
    const QLocale locale;
    // Facts side by side, each translated whole. Idle with some paused is not done: they wait for
    // Resume.
    const auto paused = std::ranges::count_if(queue->jobIds(), [queue](int id) {
        return queue->job(id)->state == app::TransferQueue::JobState::Paused;
    });
    QStringList facts{queue->isIdle() ? (paused > 0 ? tr("%n transfer(s) paused: Resume goes on from where it stopped.",
                                                         nullptr, int(paused))
                                                    : tr("All done."))
                                      : tr("%1 of %2")
                                            .arg(locale.formattedDataSize(qint64(overall.bytesDone), 1),
                                                 locale.formattedDataSize(qint64(overall.bytesTotal), 1))};
    if (!queue->isIdle() && overall.bytesPerSecond > 0)
        facts.append(tr("%1/s").arg(locale.formattedDataSize(qint64(overall.bytesPerSecond), 1)));
    if (!queue->isIdle() && overall.remaining)
        facts.append(tr("%1 left").arg(app::TransferQueueModel::durationText(*overall.remaining)));
    if (overall.filesFailed > 0)
        facts.append(tr("%n failed", nullptr, overall.filesFailed));
    const QString text = facts.join(QStringLiteral(" · "));
    m_summary->setText(text);
    m_summary->setToolTip(text);
}

void TransferPanel::showFailures()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QStringList failures = current.data(app::TransferQueueModel::FailuresRole).toStringList();
    // Opened, not exec()'d: the window (and the queue it shows) goes on while the box is up.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Transfer problems"),
                                tr("%n file(s) could not be transferred. The others were.", nullptr,
                                   int(failures.size())),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("TransferProblems"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(failures.mid(0, 5).join(u'\n'));
    box->setDetailedText(failures.join(u'\n'));
    box->open();
}

} // namespace ui
