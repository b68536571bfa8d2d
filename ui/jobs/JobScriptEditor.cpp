// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/jobs/JobScriptEditor.h"

#include "app/connections/ClusterConnection.h"
#include "app/jobs/JobSubmission.h"
#include "app/jobscripts/JobScriptTranslator.h"
#include "app/jobscripts/JobTemplates.h"
#include "app/schedulers/SchedulerClient.h"
#include "ui/jobs/JobScriptForm.h"
#include "ui/widgets/CodeEditor.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/Palette.h"
#include "ui/widgets/Syntax.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using app::JobField;
using app::Profile;

namespace ui {

namespace {

QString schedulerTitle(Profile::Scheduler scheduler)
{
    switch (scheduler) {
    case Profile::Scheduler::Slurm: return QStringLiteral("Slurm");
    case Profile::Scheduler::Pbs: return QStringLiteral("PBS");
    case Profile::Scheduler::Lsf: return QStringLiteral("LSF");
    case Profile::Scheduler::GridEngine: return QStringLiteral("Grid Engine");
    case Profile::Scheduler::Unknown:
    case Profile::Scheduler::None: break;
    }
    return QString();
}

// Replaces only what differs between the document's text and the new one, as one undo step, so the
// cursor and the view stay where they are.
void replaceChanged(QPlainTextEdit *editor, const QString &next)
{
    const QString current = editor->toPlainText();
    if (current == next)
        return;
    qsizetype prefix = 0;
    const qsizetype shortest = qMin(current.size(), next.size());
    while (prefix < shortest && current[prefix] == next[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix && current[current.size() - 1 - suffix] == next[next.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(editor->document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(current.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(next.mid(prefix, next.size() - suffix - prefix));
}

} // namespace

JobScriptEditor::JobScriptEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new JobScriptForm(this))
    , m_editor(new CodeEditor(this))
    , m_tabs(new QTabBar(this))
    , m_problemList(new QListWidget(this))
    , m_dialect(new QLabel(this))
    , m_templates(new QToolButton(this))
    , m_workDirectory(new QLineEdit(this))
    , m_scriptName(new QLineEdit(QStringLiteral("job.sh"), this))
    , m_uploadFolder(new QCheckBox(tr("Also upload the folder"), this))
    , m_localFolder(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_submit(new QPushButton(themedIcon(QStringLiteral("media-playback-start"), QStringLiteral("connect")),
                               tr("&Submit"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("JobScriptEditor"));
    m_editor->setObjectName(QStringLiteral("scriptText"));
    m_editor->setSyntax(jobScriptSyntax());
    m_problemList->setObjectName(QStringLiteral("problems"));
    m_problemList->setMaximumHeight(fontMetrics().height() * 5);
    m_problemList->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("submitStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_workDirectory->setObjectName(QStringLiteral("workDirectory"));
    m_workDirectory->setPlaceholderText(tr("e.g. ~/runs/first (made if missing)"));
    m_workDirectory->setText(QStringLiteral("~/clusterdesk-jobs"));
    m_scriptName->setObjectName(QStringLiteral("scriptName"));
    m_scriptName->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("a-long-job-name.sh")) + 24);
    m_localFolder->setObjectName(QStringLiteral("localFolder"));
    m_uploadFolder->setObjectName(QStringLiteral("uploadFolder"));
    m_localFolder->setPlaceholderText(tr("a folder on this computer, e.g. your code and data"));
    m_localFolder->setEnabled(false);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Ask the scheduler when the job would start, without submitting it"));
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);

    // The bar: templates, files, translation, and which scheduler the script is for.
    m_templates->setObjectName(QStringLiteral("templatesButton"));
    m_templates->setText(tr("New from template"));
    m_templates->setIcon(themedIcon(QStringLiteral("document-new"), QStringLiteral("add")));
    m_templates->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_templates->setPopupMode(QToolButton::InstantPopup);
    m_templates->setMenu(new QMenu(m_templates));
    connect(m_templates->menu(), &QMenu::aboutToShow, this, &JobScriptEditor::fillTemplateMenu);
    const auto toolButton = [this](const QString &text, const QString &icon, auto slot) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setIcon(QIcon::fromTheme(icon));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(button, &QToolButton::clicked, this, slot);
        return button;
    };
    auto *open = toolButton(tr("Open…"), QStringLiteral("document-open"), &JobScriptEditor::openLocal);
    auto *save = toolButton(tr("Save"), QStringLiteral("document-save"), &JobScriptEditor::save);
    save->setObjectName(QStringLiteral("saveButton"));
    save->setToolTip(tr("Save the script to its file on this computer (Ctrl+S)"));
    auto *saveAs = toolButton(tr("Save as…"), QStringLiteral("document-save-as"), &JobScriptEditor::saveAs);
    auto *saveShortcut = new QAction(this);
    saveShortcut->setShortcut(QKeySequence::Save);
    saveShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QAction::triggered, this, &JobScriptEditor::save);
    addAction(saveShortcut);
    auto *keep = toolButton(tr("Save as template…"), QStringLiteral("bookmark-new"), &JobScriptEditor::saveTemplate);
    auto *translate = new QToolButton(this);
    translate->setText(tr("Translate to"));
    translate->setToolButtonStyle(Qt::ToolButtonTextOnly);
    translate->setPopupMode(QToolButton::InstantPopup);
    auto *translateMenu = new QMenu(translate);
    for (Profile::Scheduler target : {Profile::Scheduler::Slurm, Profile::Scheduler::Pbs, Profile::Scheduler::Lsf,
                                      Profile::Scheduler::GridEngine}) {
        translateMenu->addAction(schedulerTitle(target), this, [this, target] { translateTo(int(target)); });
    }
    translate->setMenu(translateMenu);
    m_dialect->setObjectName(QStringLiteral("dialect"));
    m_dialect->setForegroundRole(QPalette::PlaceholderText);
    // A tool bar: what does not fit in a narrow window goes into its overflow menu.
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("scriptBar"));
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_templates, open, save, saveAs, keep, translate})
        bar->addWidget(widget);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_dialect);

    auto *textSide = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textSide);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_editor, 1);
    textLayout->addWidget(m_problemList);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("editorSplitter"));
    splitter->addWidget(m_form);
    splitter->addWidget(textSide);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *browse = new QToolButton(this);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose the folder on this computer"));
    browse->setEnabled(false);
    connect(browse, &QToolButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Folder to upload with the script"), m_localFolder->text());
        dialog->setObjectName(QStringLiteral("uploadFolderDialog"));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, m_localFolder, &QLineEdit::setText);
        dialog->open(); // not exec(): no event loop inside this one
    });
    connect(m_uploadFolder, &QCheckBox::toggled, m_localFolder, &QWidget::setEnabled);
    connect(m_uploadFolder, &QCheckBox::toggled, browse, &QWidget::setEnabled);
    auto *submitGrid = new QGridLayout;
    submitGrid->addWidget(new QLabel(tr("Run in (on the cluster):"), this), 0, 0);
    submitGrid->addWidget(m_workDirectory, 0, 1);
    submitGrid->addWidget(new QLabel(tr("Script file:"), this), 0, 2);
    submitGrid->addWidget(m_scriptName, 0, 3);
    submitGrid->addWidget(m_test, 0, 4);
    submitGrid->addWidget(m_submit, 0, 5);
    submitGrid->addWidget(m_uploadFolder, 1, 0);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_localFolder, 1);
    folderRow->addWidget(browse);
    submitGrid->addLayout(folderRow, 1, 1, 1, 3);
    submitGrid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addWidget(bar);
    layout->addWidget(m_tabs);
    layout->addWidget(splitter, 1);
    layout->addLayout(submitGrid);
    layout->addWidget(m_status);

    connect(m_form, &JobScriptForm::edited, this, &JobScriptEditor::onFormEdited);
    connect(m_form, &JobScriptForm::moduleAdded, this, [this](const QString &module) {
        app::JobScript next = m_script;
        next.addModule(module);
        applyScript(next);
    });
    connect(m_form, &JobScriptForm::moduleRemoved, this, [this](const QString &module) {
        app::JobScript next = m_script;
        next.removeModule(module);
        applyScript(next);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &JobScriptEditor::onTextChanged);
    connect(m_problemList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(Qt::UserRole).toInt();
        if (line >= 0)
            m_editor->goToLine(line);
    });
    connect(m_test, &QPushButton::clicked, this, [this] { submit(true); });
    connect(m_submit, &QPushButton::clicked, this, [this] { submit(false); });

    // The tabs of the open scripts: shown once there is more than a new one.
    m_tabs->setObjectName(QStringLiteral("scriptTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setExpanding(false);
    m_tabs->setElideMode(Qt::ElideMiddle);
    connect(m_tabs, &QTabBar::currentChanged, this, &JobScriptEditor::showDocument);
    connect(m_tabs, &QTabBar::tabCloseRequested, this, &JobScriptEditor::closeDocument);
    addDocument({});
    const QList<app::JobTemplate> shipped = app::JobTemplates::shipped();
    if (!shipped.isEmpty())
        setText(shipped.front().text);
    m_modified = false;
    updateDocumentTab();
    updateButtons();
}

JobScriptEditor::~JobScriptEditor() = default;

void JobScriptEditor::setConnection(app::ClusterConnection *connection)
{
    m_connection = connection;
    if (!connection) {
        m_resources = {};
        m_haveResources = false;
        m_form->setResources(m_resources);
        validate();
    }
    updateButtons();
}

void JobScriptEditor::setResources(const app::ClusterResources &resources)
{
    m_resources = resources;
    m_haveResources = true;
    m_form->setResources(resources);
    validate();
}

void JobScriptEditor::setText(const QString &text)
{
    m_editor->setPlainText(text); // parsed by onTextChanged
    m_modified = false;
    updateDocumentTab();
}

QString JobScriptEditor::text() const
{
    return m_editor->toPlainText();
}

void JobScriptEditor::startFrom(const app::JobTemplate &jobTemplate)
{
    setText(jobTemplate.text);
    if (!jobTemplate.isUsers) {
        const QString name = m_script.value(JobField::Name);
        if (!name.isEmpty())
            m_workDirectory->setText(QStringLiteral("~/clusterdesk-jobs/") + name);
    }
    showStatus(tr("Started from the template “%1”.").arg(jobTemplate.title));
}

void JobScriptEditor::onFormEdited(JobField field, const QString &value)
{
    app::JobScript next = m_script;
    if (const auto set = next.setValue(field, value); !set)
        return showStatus(set.error().message, true);
    applyScript(next);
}

void JobScriptEditor::applyScript(const app::JobScript &script)
{
    m_applying = true;
    replaceChanged(m_editor, script.text());
    m_applying = false;
    m_script = script;
    m_modified = true;
    m_form->setScript(m_script);
    validate();
    updateDocumentTab();
}

void JobScriptEditor::onTextChanged()
{
    if (m_applying)
        return;
    // The scheduler whose directives the text has; a script without any is for the cluster's.
    const QString text = m_editor->toPlainText();
    Profile::Scheduler scheduler = app::ScriptDialect::detect(text);
    if (app::JobScript::parse(text, scheduler).directives().isEmpty()) {
        const auto backEnd = m_connection ? m_connection->schedulerClient()->scheduler() : nullptr;
        scheduler = backEnd ? backEnd->kind() : m_script.scheduler();
    }
    m_script = app::JobScript::parse(text, scheduler);
    m_modified = true;
    m_form->setScript(m_script);
    validate();
    updateDocumentTab();
}

void JobScriptEditor::validate()
{
    m_problems = app::JobScriptValidator::check(m_script, m_haveResources ? &m_resources : nullptr);
    QList<CodeEditor::Mark> marks;
    m_problemList->clear();
    for (const app::ScriptProblem &problem : std::as_const(m_problems)) {
        const bool error = problem.severity == app::ScriptProblem::Severity::Error;
        if (problem.line >= 0)
            marks.append({problem.line, error, problem.message});
        auto *item = new QListWidgetItem(style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                                     : QStyle::SP_MessageBoxWarning),
                                         problem.line >= 0
                                             ? tr("Line %1: %2").arg(problem.line + 1).arg(problem.message)
                                             : problem.message);
        item->setData(Qt::UserRole, problem.line);
        m_problemList->addItem(item);
    }
    m_editor->setMarks(marks);
    m_problemList->setVisible(!m_problems.isEmpty());
    const QString scheduler = schedulerTitle(m_script.scheduler());
    m_dialect->setText(m_haveResources ? tr("%1 script · checked against the cluster's partitions").arg(scheduler)
                                       : tr("%1 script").arg(scheduler));
}

void JobScriptEditor::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setForegroundRole(QPalette::WindowText);
    QPalette colours = m_status->palette();
    colours.setColor(QPalette::WindowText,
                     problem ? palette::danger(palette()) : palette().color(QPalette::WindowText));
    m_status->setPalette(colours);
}

app::SchedulerClient *JobScriptEditor::readyClient() const
{
    app::SchedulerClient *client = m_connection ? m_connection->schedulerClient() : nullptr;
    return client && client->isReady() ? client : nullptr;
}

void JobScriptEditor::updateButtons()
{
    app::SchedulerClient *client = readyClient();
    const bool ready = client && !m_submission && !m_confirmation;
    m_submit->setEnabled(ready);
    m_test->setEnabled(ready && !client->scheduler()->testCommand({}, {}).isEmpty());
    const QString why = !m_connection ? tr("Connect to a cluster to submit.")
                        : !client     ? m_connection->schedulerClient()->unavailableReason()
                                      : QString();
    m_submit->setToolTip(why.isEmpty() ? tr("Upload the script to the working folder and submit it") : why);
}

void JobScriptEditor::submit(bool testOnly)
{
    app::SchedulerClient *client = readyClient();
    if (!client || m_submission || m_confirmation)
        return;
    const Profile::Scheduler kind = client->scheduler()->kind();
    if (kind != m_script.scheduler() && !m_script.directives().isEmpty()) {
        showStatus(tr("This is a %1 script but the cluster runs %2: use “Translate to” first.")
                       .arg(schedulerTitle(m_script.scheduler()), schedulerTitle(kind)),
                   true);
        return;
    }
    if (m_uploadFolder->isChecked() && m_localFolder->text().trimmed().isEmpty())
        return showStatus(tr("Choose the folder to upload, or untick “Also upload the folder”."), true);
    const bool errors = std::any_of(m_problems.begin(), m_problems.end(), [](const app::ScriptProblem &problem) {
        return problem.severity == app::ScriptProblem::Severity::Error;
    });
    if (!errors || testOnly)
        return startSubmission(testOnly);
    // Asked without a nested event loop (open(), not exec()): the link may drop and come back, or the
    // connection close, while the question is up; the answer is acted on with what exists then.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Submit a script with errors?"),
                                tr("The script has errors (listed under it) that the scheduler will probably refuse or "
                                   "that will make the job fail. Submit it anyway?"),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmSubmit"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box] {
        const bool yes = box->standardButton(box->clickedButton()) == QMessageBox::Yes;
        m_confirmation = nullptr;
        updateButtons();
        if (yes)
            startSubmission(false);
    });
    updateButtons();
    box->open();
}

void JobScriptEditor::startSubmission(bool testOnly)
{
    if (m_submission)
        return;
    // Fetched again: this may run after a question, and the connection may have changed meanwhile.
    app::SchedulerClient *client = readyClient();
    if (!client) {
        showStatus(tr("Nothing was submitted: %1")
                       .arg(m_connection ? m_connection->schedulerClient()->unavailableReason()
                                         : tr("Connect to a cluster to submit.")),
                   true);
        updateButtons();
        return;
    }
    app::JobSubmission::Request request;
    request.scriptText = text();
    request.scriptName = m_scriptName->text().trimmed();
    request.workDirectory = m_workDirectory->text().trimmed();
    request.localFolder = m_uploadFolder->isChecked() ? m_localFolder->text().trimmed() : QString();
    request.testOnly = testOnly;

    m_submission = new app::JobSubmission(client, m_connection->transfers(), this);
    connect(m_submission, &app::JobSubmission::progress, this, [this](const QString &step) { showStatus(step); });
    connect(m_submission, &app::JobSubmission::failed, this, [this](const QString &message) {
        showStatus(message, true);
        m_submission->deleteLater();
        m_submission = nullptr;
        updateButtons();
    });
    connect(m_submission, &app::JobSubmission::estimated, this, [this](const app::StartEstimate &estimate) {
        const QString when = estimate.start.isValid()
                                 ? QLocale().toString(estimate.start.toLocalTime(), QLocale::ShortFormat)
                                 : QString();
        showStatus(when.isEmpty()
                       ? estimate.message
                       : tr("It would start %1 on %2 (partition %3). Nothing was submitted.")
                             .arg(when, estimate.nodes.isEmpty() ? tr("a node") : estimate.nodes, estimate.partition));
        m_submission->deleteLater();
        m_submission = nullptr;
        updateButtons();
    });
    connect(m_submission, &app::JobSubmission::submitted, this, [this](const app::SubmitReply &reply) {
        QString text = tr("Submitted as job %1 from %2.").arg(reply.jobId, m_submission->remoteScript());
        if (!reply.warnings.isEmpty())
            text += u'\n' + tr("The scheduler said: %1").arg(reply.warnings);
        showStatus(text);
        m_submission->deleteLater();
        m_submission = nullptr;
        updateButtons();
        Q_EMIT submitted(reply.jobId);
    });
    updateButtons();
    m_submission->start(request);
}

void JobScriptEditor::fillTemplateMenu()
{
    QMenu *menu = m_templates->menu();
    menu->clear();
    const app::JobTemplates templates(app::JobTemplates::defaultFolder());
    const auto add = [this, menu](const app::JobTemplate &jobTemplate) {
        QAction *action = menu->addAction(jobTemplate.title);
        action->setToolTip(jobTemplate.description);
        action->setStatusTip(jobTemplate.description);
        connect(action, &QAction::triggered, this, [this, jobTemplate] {
            // A script with changes, or one from a file, stays: the template gets a tab of its own.
            if (m_modified || !filePath().isEmpty())
                addDocument({});
            startFrom(jobTemplate);
        });
    };
    menu->addSection(tr("clusterdesk's templates"));
    for (const app::JobTemplate &jobTemplate : app::JobTemplates::shipped())
        add(jobTemplate);
    const QList<app::JobTemplate> saved = templates.saved();
    if (!saved.isEmpty()) {
        menu->addSection(tr("Your templates"));
        for (const app::JobTemplate &jobTemplate : saved)
            add(jobTemplate);
    }
}

void JobScriptEditor::saveTemplate()
{
    // The script as it is now is the template, whatever is shown when the name is given; asked with
    // open(), not exec(), so no event loop runs inside this one.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("templateNameDialog"));
    dialog->setWindowTitle(tr("Save as template"));
    dialog->setLabelText(tr("Template name:"));
    dialog->setTextValue(m_script.value(JobField::Name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, script = text()](const QString &title) {
        const auto saved = app::JobTemplates(app::JobTemplates::defaultFolder()).save(title, script);
        if (!saved)
            return showStatus(saved.error().message, true);
        showStatus(tr("Saved as the template “%1”: it is under “New from template”.").arg(saved->title));
    });
    dialog->open();
}

void JobScriptEditor::translateTo(int scheduler)
{
    const auto target = Profile::Scheduler(scheduler);
    if (target == m_script.scheduler())
        return;
    const app::Translation translation = app::JobScriptTranslator::translate(m_script, target);
    applyScript(translation.script);
    showStatus(translation.notes.isEmpty()
                   ? tr("Translated to %1.").arg(schedulerTitle(target))
                   : tr("Translated to %1. %2").arg(schedulerTitle(target), translation.notes.join(u' ')),
               !translation.notes.isEmpty());
}

} // namespace ui
