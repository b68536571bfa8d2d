// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/terminal/TerminalArea.h"

#include "app/connections/ClusterConnection.h"
#include "app/notify/Notice.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/terminal/InteractiveAllocation.h"
#include "sshcore/Result.h"
#include "ui/terminal/InteractiveForm.h"
#include "ui/terminal/TerminalView.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
QString keepKey(const app::ClusterConnection *connection)
{
    return QStringLiteral("terminals/%1/keepInMultiplexer")
        .arg(connection->profile().id.toString(QUuid::WithoutBraces));
}

QString allocationNote(const app::InteractiveAllocation *allocation)
{
    using State = app::InteractiveAllocation::State;
    switch (allocation->state()) {
    case State::Submitting: return TerminalArea::tr("Asking the scheduler for an allocation…");
    case State::Queued:
        return allocation->expectedStart().isValid()
                   ? TerminalArea::tr("Job %1 queued · expected to start %2")
                         .arg(allocation->jobId(),
                              QLocale().toString(allocation->expectedStart().toLocalTime(), QLocale::ShortFormat))
                   : TerminalArea::tr("Job %1 queued · waiting for resources").arg(allocation->jobId());
    case State::Running: {
        const auto left = allocation->secondsLeft();
        const QString node = allocation->node();
        if (!left)
            return node.isEmpty() ? TerminalArea::tr("Job %1 running").arg(allocation->jobId())
                                  : TerminalArea::tr("Job %1 running on %2").arg(allocation->jobId(), node);
        const qint64 minutes = std::max<qint64>(0, *left) / 60;
        const QString timeLeft = minutes >= 60 ? TerminalArea::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                                               : TerminalArea::tr("%1 min").arg(minutes);
        return node.isEmpty()
                   ? TerminalArea::tr("Job %1 running · %2 left").arg(allocation->jobId(), timeLeft)
                   : TerminalArea::tr("Job %1 running on %2 · %3 left").arg(allocation->jobId(), node, timeLeft);
    }
    case State::Ending: return TerminalArea::tr("Ending job %1…").arg(allocation->jobId());
    case State::Ended:
        return allocation->jobId().isEmpty() ? TerminalArea::tr("Allocation ended")
                                             : TerminalArea::tr("Job %1 ended").arg(allocation->jobId());
    case State::Refused: return TerminalArea::tr("Refused: %1").arg(allocation->message());
    }
    return {};
}
// The header's line: who, where, and in what ("alice@login.hpc.example.org · in ~/runs").
QString whereText(const app::TerminalTarget &target, const app::ClusterConnection *connection)
{
    const auto &settings = connection->ssh()->settings();
    const QString account = settings.user.isEmpty() ? settings.host : settings.user + u'@' + settings.host;
    switch (target.kind) {
    case app::TerminalTarget::Kind::LoginNode: return TerminalArea::tr("%1 · login node").arg(account);
    case app::TerminalTarget::Kind::Folder: return TerminalArea::tr("%1 · in %2").arg(account, target.folder);
    case app::TerminalTarget::Kind::JobNode: return TerminalArea::tr("%1 · inside job %2").arg(account, target.jobId);
    case app::TerminalTarget::Kind::Allocation: return TerminalArea::tr("%1 · interactive allocation").arg(account);
    }
    return account;
}
} // namespace

TerminalArea::TerminalArea(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_empty(new QLabel(this))
    , m_new(new QPushButton(QIcon(QStringLiteral(":/clusterdesk/icons/area-terminal.svg")), tr("&New Terminal"), this))
    , m_allocate(new QPushButton(QIcon::fromTheme(QStringLiteral("system-run")), tr("Interactive &Allocation…"), this))
    , m_keep(new QCheckBox(tr("&Keep shells in tmux"), this))
    , m_form(new InteractiveForm(this))
{
    m_new->setObjectName(QStringLiteral("newTerminal"));
    m_new->setToolTip(tr("A shell on the login node (Ctrl+T)"));
    m_allocate->setObjectName(QStringLiteral("interactiveAllocation"));
    m_allocate->setToolTip(tr("Ask the scheduler for a compute node for a while, with a shell on it"));
    m_keep->setObjectName(QStringLiteral("keepInMultiplexer"));
    m_keep->setToolTip(tr("New shells on the login node run in a named tmux (or screen) session, where the "
                          "cluster has one: after a dropped link, Reopen gets the same shell back."));
    connect(m_new, &QPushButton::clicked, this, &TerminalArea::openLoginShell);
    connect(m_allocate, &QPushButton::clicked, this, &TerminalArea::showAllocationForm);
    connect(m_keep, &QCheckBox::toggled, this, [this](bool keep) {
        if (m_connection)
            QSettings().setValue(keepKey(m_connection), keep);
    });

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(10, 8, 10, 4);
    tools->addWidget(m_new);
    tools->addWidget(m_allocate);
    tools->addSpacing(12);
    tools->addWidget(m_keep);
    tools->addStretch(1);

    m_tabs->setObjectName(QStringLiteral("terminalTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *view = qobject_cast<TerminalView *>(m_tabs->widget(index)))
            closeTab(view);
    });
    m_empty->setObjectName(QStringLiteral("terminalsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No terminal open on this cluster.\n\nNew Terminal (Ctrl+T) opens a shell on the login "
                        "node; Open Terminal Here in Files opens one in a folder; a running job's menu opens one "
                        "on its node; Interactive Allocation asks for a compute node for a while."));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);
    // Scrolled: the form must not make the window taller than a small screen.
    m_formPage = new QScrollArea(this);
    m_formPage->setWidgetResizable(true);
    m_formPage->setFrameShape(QFrame::NoFrame);
    m_formPage->setWidget(m_form);
    m_stack->addWidget(m_formPage);
    connect(m_form, &InteractiveForm::startRequested, this, [this](const app::InteractiveRequest &request) {
        if (openAllocation(request))
            m_formShown = false;
        updateVisibility();
    });
    connect(m_form, &InteractiveForm::message, this, &TerminalArea::message);
    connect(m_form, &InteractiveForm::cancelled, this, [this] {
        m_formShown = false;
        updateVisibility();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(tools);
    layout->addWidget(m_stack, 1);
    updateVisibility();
}

TerminalArea::~TerminalArea()
{
    endAll();
    // The tabs go with the base class, after this class's members: they must not call back.
    for (TerminalView *view : views())
        disconnect(view, nullptr, this, nullptr);
}

void TerminalArea::setConnection(app::ClusterConnection *connection)
{
    m_connection = connection;
    m_form->setConnection(connection);
    probeMultiplexers();
    const QSignalBlocker blocker(m_keep);
    m_keep->setChecked(connection && QSettings().value(keepKey(connection), false).toBool());
    updateVisibility();
}

void TerminalArea::probeMultiplexers()
{
    app::ClusterConnection *connection = m_connection;
    if (!connection || m_multiplexers.contains(connection) || !connection->isOpen())
        return;
    const QPointer<app::ClusterConnection> guarded = connection;
    connection->schedulerClient()
        ->runCommand(app::TerminalTarget::multiplexersCommand(), true, std::chrono::seconds(20), this,
                     [this, guarded](sshcore::Result<sshcore::CommandResult> result) {
                         if (guarded && result)
                             m_multiplexers.insert(guarded.data(), app::TerminalTarget::parseMultiplexers(*result));
                     });
}

void TerminalArea::setNotifier(app::Notifier *notifier)
{
    m_notifier = notifier;
}

QList<TerminalView *> TerminalArea::views() const
{
    QList<TerminalView *> all;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *view = qobject_cast<TerminalView *>(m_tabs->widget(i)))
            all << view;
    }
    return all;
}

app::InteractiveAllocation *TerminalArea::allocationOf(TerminalView *view) const
{
    return m_allocations.value(view);
}

TerminalView *TerminalArea::openLoginShell()
{
    if (!m_connection)
        return nullptr;
    return open(app::TerminalTarget::loginNode(m_connection->profile().name));
}

TerminalView *TerminalArea::openInFolder(const QString &folder)
{
    if (!m_connection)
        return nullptr;
    return open(app::TerminalTarget::inFolder(m_connection->profile().name, folder));
}

TerminalView *TerminalArea::openOnJobNode(const QString &jobId, const QString &nodeList)
{
    if (!m_connection)
        return nullptr;
    return open(app::TerminalTarget::onJobNode(m_connection->profile().name, jobId, nodeList));
}

TerminalView *TerminalArea::openAllocation(const app::InteractiveRequest &request)
{
    if (!m_connection)
        return nullptr;
    return open(app::TerminalTarget::allocation(m_connection->profile().name, request));
}

void TerminalArea::showAllocationForm()
{
    if (!m_connection)
        return;
    m_formShown = true;
    updateVisibility();
    m_form->setFocus();
}

TerminalView *TerminalArea::open(app::TerminalTarget target)
{
    app::ClusterConnection *connection = m_connection;
    app::SchedulerClient *client = connection->schedulerClient();
    const auto scheduler = client->scheduler();
    const bool allocation = target.kind == app::TerminalTarget::Kind::Allocation;
    if (m_keep->isChecked() && target.kind != app::TerminalTarget::Kind::JobNode && !allocation) {
        const auto found = m_multiplexers.value(connection, app::TerminalTarget::Multiplexer::None);
        if (found == app::TerminalTarget::Multiplexer::None)
            Q_EMIT message(m_multiplexers.contains(connection)
                               ? tr("This cluster's login node has neither tmux nor screen: the shell is not kept "
                                    "after a dropped link.")
                               : tr("Still looking for tmux or screen on the login node: this shell is not kept."));
        target.multiplexer = found;
        if (found != app::TerminalTarget::Multiplexer::None)
            target.session = app::TerminalTarget::sessionName(connection->profile().name);
    }
    const sshcore::Result<QByteArray> command = target.command(scheduler.get());
    if (!command) {
        Q_EMIT message(tr("Cannot open the terminal: %1").arg(command.error().message));
        return nullptr;
    }
    TerminalLaunch launch;
    launch.title = target.title();
    launch.where = whereText(target, connection);
    launch.command = *command;
    launch.keptSession = target.session;
    auto *view = new TerminalView(connection->ssh(), launch, this);
    addView(view, connection);
    if (allocation) {
        auto *tracker = new app::InteractiveAllocation(client, connection->profile().name, m_notifier, view);
        watchAllocation(view, tracker);
    }
    view->start();
    return view;
}

void TerminalArea::addView(TerminalView *view, app::ClusterConnection *owner)
{
    m_owners.insert(view, owner);
    const int index = m_tabs->addTab(view, view->launch().title);
    m_tabs->setTabToolTip(index, view->launch().where);
    m_tabs->setCurrentIndex(index);
    connect(view, &TerminalView::stateChanged, this, [this, view] { updateTitle(view); });
    connect(view, &QObject::destroyed, this, [this, view] {
        m_owners.remove(view);
        m_allocations.remove(view);
        updateVisibility();
    });
    updateVisibility();
    view->setFocus();
}

void TerminalArea::watchAllocation(TerminalView *view, app::InteractiveAllocation *allocation)
{
    m_allocations.insert(view, allocation);
    connect(view, &TerminalView::output, allocation,
            [allocation](const QByteArray &bytes) { allocation->feed(bytes); });
    connect(view, &TerminalView::ended, allocation, [allocation] { allocation->programFinished(); });
    const auto show = [this, view, allocation] {
        view->setNote(allocationNote(allocation));
        updateTitle(view);
    };
    connect(allocation, &app::InteractiveAllocation::stateChanged, view, show);
    connect(allocation, &app::InteractiveAllocation::detailsChanged, view, show);
    connect(allocation, &app::InteractiveAllocation::endFailed, this,
            [this](const QString &why) { Q_EMIT message(tr("The allocation may still be there: %1").arg(why)); });
    // The time left, once a minute is enough for a line that counts minutes.
    auto *clock = new QTimer(view);
    clock->start(std::chrono::seconds(20));
    connect(clock, &QTimer::timeout, view, show);
    show();
}

void TerminalArea::updateTitle(TerminalView *view)
{
    const int index = m_tabs->indexOf(view);
    if (index < 0)
        return;
    QString title = view->launch().title;
    if (app::InteractiveAllocation *allocation = m_allocations.value(view);
        allocation && !allocation->jobId().isEmpty())
        title = app::TerminalTarget::allocation(m_owners.value(view) ? m_owners.value(view)->profile().name : QString(),
                                                {})
                    .title(allocation->jobId());
    if (view->state() == TerminalView::State::Ended)
        title = tr("%1 (ended)").arg(title);
    m_tabs->setTabText(index, title);
}

void TerminalArea::closeTab(TerminalView *view, bool force)
{
    app::InteractiveAllocation *allocation = m_allocations.value(view);
    const bool running = view->state() == TerminalView::State::Running
                         || view->state() == TerminalView::State::Starting;
    if (!force && running) {
        // Asynchronous (open(), not exec()): output goes on and links may drop while it is up.
        auto *box = new QMessageBox(
            QMessageBox::Question, allocation ? tr("End the allocation?") : tr("Close the terminal?"),
            allocation ? tr("Closing this tab ends job %1 and gives its node back to the "
                            "cluster; whatever runs in it stops.")
                             .arg(allocation->jobId().isEmpty() ? tr("(not yet queued)") : allocation->jobId())
                       : tr("The shell in '%1' and whatever runs in it get a hang-up.").arg(view->launch().title),
            QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("confirmCloseTerminal"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *yes = box->addButton(allocation ? tr("End and Close") : tr("Close"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        m_confirmation = box;
        const QPointer<TerminalView> guarded = view;
        connect(box, &QMessageBox::finished, this, [this, box, yes, guarded] {
            if (guarded && box->clickedButton() == static_cast<QAbstractButton *>(yes))
                closeTab(guarded, true);
        });
        box->open();
        return;
    }
    if (allocation) {
        // It outlives the tab until the scheduler confirms the job is gone.
        allocation->setParent(this);
        connect(allocation, &app::InteractiveAllocation::stateChanged, allocation,
                [allocation](app::InteractiveAllocation::State state) {
                    if (state == app::InteractiveAllocation::State::Ended
                        || state == app::InteractiveAllocation::State::Refused)
                        allocation->deleteLater();
                });
        allocation->end();
    }
    view->hangUp();
    m_tabs->removeTab(m_tabs->indexOf(view));
    view->deleteLater();
}

void TerminalArea::endAll()
{
    for (TerminalView *view : views()) {
        if (app::InteractiveAllocation *allocation = m_allocations.value(view))
            allocation->end();
        view->hangUp();
    }
}

QStringList TerminalArea::allocationsRunning() const
{
    QStringList lines;
    for (auto it = m_allocations.cbegin(); it != m_allocations.cend(); ++it) {
        const auto state = it.value()->state();
        if (state == app::InteractiveAllocation::State::Queued || state == app::InteractiveAllocation::State::Running)
            lines << tr("%1: interactive allocation, job %2 (ended when clusterdesk quits)")
                         .arg(m_owners.value(it.key()) ? m_owners.value(it.key())->profile().name : QString(),
                              it.value()->jobId());
    }
    return lines;
}

void TerminalArea::updateVisibility()
{
    int shown = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *view = qobject_cast<TerminalView *>(m_tabs->widget(i));
        const bool mine = view && m_owners.value(view) == m_connection && m_connection;
        m_tabs->setTabVisible(i, mine);
        shown += mine ? 1 : 0;
    }
    if (shown > 0 && !m_tabs->isTabVisible(m_tabs->currentIndex())) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->isTabVisible(i)) {
                m_tabs->setCurrentIndex(i);
                break;
            }
        }
    }
    m_new->setEnabled(m_connection);
    m_allocate->setEnabled(m_connection);
    m_keep->setEnabled(m_connection);
    if (m_formShown && m_connection)
        m_stack->setCurrentWidget(m_formPage);
    else
        m_stack->setCurrentWidget(shown > 0 ? static_cast<QWidget *>(m_tabs) : m_empty);
}

} // namespace ui
