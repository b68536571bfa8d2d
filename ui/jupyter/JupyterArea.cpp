// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/jupyter/JupyterArea.h"

#include "app/connections/ClusterConnection.h"
#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterNotices.h"
#include "app/jupyter/JupyterPresets.h"
#include "app/jupyter/JupyterScript.h"
#include "app/jupyter/JupyterSession.h"
#include "app/jupyter/JupyterSessionModel.h"
#include "app/notify/Notice.h"
#include "app/schedulers/ResourceUnits.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/sftp/SftpClient.h"
#include "ui/jupyter/JupyterForm.h"
#include "ui/widgets/CodeEditor.h"
#include "ui/widgets/PresetBar.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

using app::JupyterSession;
using State = app::JupyterSession::State;

namespace {

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

// "2:00:00" doubled, as the scheduler spells a time ("4:00:00", "1-00:00:00").
QString doubled(const QString &timeLimit)
{
    const qint64 seconds = app::units::parseDurationSeconds(timeLimit).value_or(3600) * 2;
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds % 86400) / 3600, 2, 10, QLatin1Char('0'))
                              .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QString::number(days) + u'-' + clock : clock;
}

} // namespace

JupyterArea::JupyterArea(QWidget *parent)
    : QWidget(parent)
    , m_model(new app::JupyterSessionModel(this))
    , m_presets(std::make_unique<app::JupyterPresets>())
    , m_presetBar(
          new PresetBar(tr("A name for these Jupyter settings on this cluster (one of the same name is replaced):"),
                        this))
    , m_form(new JupyterForm(this))
    , m_problem(new QLabel(this))
    , m_start(button(tr("&Start Jupyter"), QStringLiteral("start"), this))
    , m_script(button(tr("Show job &script"), QStringLiteral("showScript"), this))
    , m_list(new QTreeView(this))
    , m_state(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_open(button(tr("&Open in browser"), QStringLiteral("open"), this))
    , m_copy(button(tr("&Copy URL"), QStringLiteral("copy"), this))
    , m_stop(button(tr("S&top…"), QStringLiteral("stop"), this))
    , m_again(button(tr("Run again with &more time"), QStringLiteral("again"), this))
    , m_forget(button(tr("&Remove from list"), QStringLiteral("forget"), this))
    , m_outputTitle(new QLabel(tr("The end of the job's output:"), this))
    , m_output(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("jupyterArea"));

    // Left: what to start.
    auto *formBox = new QGroupBox(tr("A new Jupyter server"), this);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_presetBar);
    formLayout->addWidget(m_form);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    formLayout->addWidget(m_problem);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_script);
    startRow->addStretch(1);
    m_start->setDefault(true);
    startRow->addWidget(m_start);
    formLayout->addLayout(startRow);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(formBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(260); // narrower windows scroll the form rather than grow

    // Right: the servers, and the selected one.
    m_list->setObjectName(QStringLiteral("servers"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(app::JupyterSessionModel::ServerColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(app::JupyterSessionModel::JobColumn, 80);
    m_list->setColumnWidth(app::JupyterSessionModel::StateColumn, 220);
    m_list->setColumnWidth(app::JupyterSessionModel::TimeLeftColumn, 90);

    auto *details = new QGroupBox(tr("Selected server"), this);
    auto *detailsLayout = new QVBoxLayout(details);
    m_state->setObjectName(QStringLiteral("state"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    QFont stateFont = m_state->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.15);
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_timing->setObjectName(QStringLiteral("timing"));
    m_timing->setTextFormat(Qt::PlainText);
    m_timing->setForegroundRole(QPalette::PlaceholderText);
    detailsLayout->addWidget(m_state);
    detailsLayout->addWidget(m_timing);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setReadOnly(true);
    m_url->setPlaceholderText(tr("The address appears when the server is ready."));
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copy);
    urlRow->addWidget(m_open);
    detailsLayout->addLayout(urlRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_stop);
    actions->addWidget(m_again);
    actions->addStretch(1);
    actions->addWidget(m_forget);
    detailsLayout->addLayout(actions);
    detailsLayout->addWidget(m_outputTitle);
    m_output->setObjectName(QStringLiteral("output"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    detailsLayout->addWidget(m_output, 100);
    detailsLayout->addStretch(1); // keeps the rest together at the top while there is no output

    // The details scroll too: the area must not make the whole window wider than small screens.
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_list);
    right->addWidget(detailsScroll);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);

    connect(m_form, &JupyterForm::edited, this, &JupyterArea::updateStart);
    connect(m_presetBar, &PresetBar::chosen, this, [this](const QString &name) {
        if (const auto settings = m_presets->find(presetsKey(), name))
            m_form->setSettings(*settings);
    });
    connect(m_presetBar, &PresetBar::message, this, &JupyterArea::message);
    if (const auto loaded = m_presets->load(); !loaded)
        QTimer::singleShot(0, this, [this, why = loaded.error().message] { Q_EMIT message(why); });
    else if (!m_presets->notice().isEmpty())
        QTimer::singleShot(0, this, [this] { Q_EMIT message(m_presets->notice()); });
    connect(m_start, &QPushButton::clicked, this, [this] { (void)startServer(); });
    connect(m_script, &QPushButton::clicked, this, &JupyterArea::showScript);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JupyterArea::updateDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &first, const QModelIndex &last) {
        const int row = m_list->currentIndex().row();
        if (row >= first.row() && row <= last.row())
            updateDetails();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int, int last) {
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_model->index(last, 0));
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const JupyterSession *session = selected(); session && session->url().isValid())
            QDesktopServices::openUrl(session->url());
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (const JupyterSession *session = selected(); session && session->url().isValid()) {
            QApplication::clipboard()->setText(session->url().toString());
            Q_EMIT message(tr("The address of the Jupyter server is on the clipboard."));
        }
    });
    connect(m_stop, &QPushButton::clicked, this, &JupyterArea::stopSelected);
    connect(m_again, &QPushButton::clicked, this, &JupyterArea::runAgainLonger);
    connect(m_forget, &QPushButton::clicked, this, [this] {
        if (JupyterSession *session = selected(); session && m_connection)
            m_connection->jupyter()->forget(session);
    });
    updateStart();
    updateDetails();
}

JupyterArea::~JupyterArea() = default;

void JupyterArea::setNotifier(app::Notifier *notifier)
{
    m_notifier = notifier;
}

void JupyterArea::setConnection(app::ClusterConnection *connection)
{
    if (connection == m_connection)
        return;
    if (m_connection)
        disconnect(m_connection, nullptr, this, nullptr);
    m_connection = connection;
    m_home.clear();
    m_model->setManager(connection ? connection->jupyter() : nullptr);
    loadPresets();
    // The cluster's notices live with its servers (its JupyterManager), so they go on when the area
    // shows another cluster.
    if (connection && m_notifier && !connection->jupyter()->findChild<app::JupyterNotices *>()) {
        auto *notices = new app::JupyterNotices(connection->jupyter(), m_notifier, connection->profile().name,
                                                connection->jupyter());
        connect(notices, &app::JupyterNotices::openRequested, this, [](app::JupyterSession *session) {
            if (session && session->url().isValid())
                QDesktopServices::openUrl(session->url());
        });
    }
    if (connection) {
        connect(connection, &app::ClusterConnection::changed, this, &JupyterArea::updateStart);
        connect(connection->schedulerClient(), &app::SchedulerClient::schedulerChanged, this,
                &JupyterArea::loadResources);
        loadResources();
    }
    updateStart();
    updateDetails();
}

void JupyterArea::loadResources()
{
    if (!m_connection || !m_connection->schedulerClient()->isReady())
        return;
    m_connection->schedulerClient()->resources(this, [this](const sshcore::Result<app::ClusterResources> &resources) {
        if (resources)
            m_form->setResources(*resources);
        else
            Q_EMIT message(tr("Could not read the cluster's partitions: %1").arg(resources.error().message));
    });
    // Conda environments, where the cluster has conda (its login shell sets it up).
    m_connection->schedulerClient()->runCommand(app::condaEnvironmentsCommand(), false, std::chrono::seconds(30), this,
                                                [this](const sshcore::Result<sshcore::CommandResult> &listed) {
                                                    if (listed)
                                                        m_form->setCondaEnvironments(
                                                            app::parseCondaEnvironments(listed->standardOutput));
                                                });
    sshcore::SftpClient(m_connection->ssh()).realPath(".", this, [this](const sshcore::Result<QByteArray> &home) {
        if (home)
            m_home = QString::fromUtf8(*home);
    });
}

QStringList JupyterArea::keepsRunning(const QList<app::ClusterConnection *> &connections)
{
    QStringList lines;
    for (const app::ClusterConnection *connection : connections) {
        const QList<JupyterSession *> sessions = connection->jupyter()->sessions();
        const auto live = std::count_if(sessions.cbegin(), sessions.cend(), [](const JupyterSession *session) {
            return session->state() != State::Ended && !session->jobId().isEmpty();
        });
        if (live > 0)
            lines.append(
                live == 1
                    ? tr("1 Jupyter server on %1 (found again on the next connection)").arg(connection->profile().name)
                    : tr("%1 Jupyter servers on %2 (found again on the next connection)")
                          .arg(live)
                          .arg(connection->profile().name));
    }
    return lines;
}

QString JupyterArea::presetsKey() const
{
    return m_connection ? m_connection->profile().id.toString(QUuid::WithoutBraces) : QString();
}

void JupyterArea::loadPresets()
{
    if (!m_connection)
        m_presetBar->setStore({});
    else
        m_presetBar->setStore(
            presetStore<app::JupyterSettings>(m_presets.get(), presetsKey(), [this] { return m_form->settings(); }));
}

app::JupyterSession *JupyterArea::selected() const
{
    return m_model->session(m_list->currentIndex().row());
}

void JupyterArea::select(app::JupyterSession *session)
{
    if (const int row = m_model->rowOf(session); row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
}

void JupyterArea::updateStart()
{
    const bool ready = m_connection && m_connection->schedulerClient()->isReady();
    const QString problem = m_form->problem();
    m_problem->setText(!ready ? tr("Connect to the cluster to start Jupyter.") : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_start->setEnabled(ready && problem.isEmpty());
    m_script->setEnabled(ready && problem.isEmpty());
}

app::JupyterSession *JupyterArea::startServer()
{
    if (!m_start->isEnabled() || !m_connection)
        return nullptr;
    JupyterSession *session = m_connection->jupyter()->start(m_form->settings());
    select(session);
    return session;
}

void JupyterArea::showScript()
{
    const auto scheduler = m_connection ? m_connection->schedulerClient()->scheduler() : nullptr;
    if (!scheduler)
        return;
    const app::JupyterLayout layout{m_home.isEmpty() ? QStringLiteral("/home/you") : m_home,
                                    QStringLiteral("new-server")};
    const sshcore::Result<QString> script = app::jupyterScript(m_form->settings(), scheduler->kind(), layout);
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("The job script Start submits"));
    dialog->resize(860, 640);
    auto *layoutBox = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("This is the %1 script that runs Jupyter on a compute node. It is written to %2 and "
                                "submitted; you can use it without clusterdesk too.")
                                 .arg(scheduler->name(), layout.scriptPath()),
                             dialog);
    intro->setWordWrap(true);
    layoutBox->addWidget(intro);
    auto *editor = new CodeEditor(dialog);
    editor->setObjectName(QStringLiteral("script"));
    editor->setSyntax(QStringLiteral("Bash"));
    editor->setPlainText(script ? *script : script.error().message);
    editor->setReadOnly(true);
    layoutBox->addWidget(editor, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layoutBox->addWidget(buttons);
    dialog->open();
}

void JupyterArea::updateDetails()
{
    const JupyterSession *session = selected();
    const State state = session ? session->state() : State::Ended;
    m_state->setText(session ? session->stateText() : tr("No server selected."));
    QStringList timing;
    if (session) {
        if (!session->jobId().isEmpty())
            timing.append(tr("Job %1").arg(session->jobId()));
        const QString at = QLocale().toString(session->stateSince().time(), QLocale::ShortFormat);
        timing.append(state == State::Ended ? tr("ended at %1").arg(at)
                                            : tr("%1 since %2").arg(JupyterSession::stateName(state), at));
        if (const QString left = app::JupyterSessionModel::timeLeft(*session); !left.isEmpty())
            timing.append(tr("%1 left").arg(left));
    }
    m_timing->setText(timing.join(QStringLiteral(" · ")));
    const bool ready = session && state == State::Ready;
    if (const QString url = ready ? session->url().toString() : QString(); m_url->text() != url) {
        m_url->setText(url);
        m_url->setCursorPosition(0); // the host and port first, not the end of the token
    }
    m_open->setEnabled(ready);
    m_copy->setEnabled(ready);
    m_stop->setEnabled(session && state != State::Ended && state != State::Ending && !session->jobId().isEmpty());
    // More time helps a server that runs, or one its time limit ended; not a start that failed.
    m_again->setEnabled(
        session && m_connection
        && (state == State::Ready
            || (state == State::Ended && session->diagnosis().cause == app::JupyterDiagnosis::Cause::TimeLimit)));
    m_forget->setVisible(session && state == State::Ended);
    const bool showOutput = session && state == State::Ended && !session->outputTail().isEmpty();
    m_outputTitle->setVisible(showOutput);
    m_output->setVisible(showOutput);
    if (showOutput && m_output->toPlainText() != QString::fromUtf8(session->outputTail())) {
        m_output->setPlainText(QString::fromUtf8(session->outputTail()));
        m_output->moveCursor(QTextCursor::End);
    }
}

void JupyterArea::stopSelected()
{
    QPointer<JupyterSession> session = selected();
    if (!session)
        return;
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Stop Jupyter?"),
                                tr("Stop the Jupyter server of job %1? Its job is cancelled; notebooks not saved are "
                                   "lost.")
                                    .arg(session->jobId()),
                                QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("confirmStop"));
    QPushButton *yes = ask->addButton(tr("Stop the job"), QMessageBox::DestructiveRole);
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [ask, yes, session] {
        if (ask->clickedButton() == static_cast<QAbstractButton *>(yes) && session) // it may have gone meanwhile
            session->stop();
    });
    ask->open();
}

void JupyterArea::runAgainLonger()
{
    const JupyterSession *session = selected();
    if (!session || !m_connection)
        return;
    app::JupyterSettings settings = session->settings();
    settings.timeLimit = doubled(settings.timeLimit);
    m_form->setSettings(settings);
    select(m_connection->jupyter()->start(settings));
    Q_EMIT message(tr("A new Jupyter server was asked for, for %1.").arg(settings.timeLimit));
}

} // namespace ui
