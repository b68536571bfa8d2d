// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/JobField.h"
#include "app/jobscripts/JobScript.h"
#include "app/jobscripts/JobScriptValidator.h"
#include "app/schedulers/ClusterResources.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QPushButton;
class QTabBar;
class QToolButton;

namespace app {
class ClusterConnection;
class JobSubmission;
class SchedulerClient;
struct JobTemplate;
} // namespace app

namespace ui {

class CodeEditor;
class JobScriptForm;

// A job script, as a form and as highlighted text side by side, kept in step both ways as the user
// types; its problems (checked against the connected cluster's partitions and limits) marked on
// their lines; and the way to the cluster: a working folder made if missing, the script (and a
// local folder) uploaded there, a start estimate or the submission itself. Several scripts can be
// open at once, each in a tab: new ones, and files on this computer (which Save writes back to).
class JobScriptEditor : public QWidget
{
    Q_OBJECT

public:
    explicit JobScriptEditor(QWidget *parent = nullptr);
    ~JobScriptEditor() override;

    // The cluster to submit to (null: none; the script stays).
    void setConnection(app::ClusterConnection *connection);
    void setResources(const app::ClusterResources &resources);

    void setText(const QString &text);
    QString text() const;
    const app::JobScript &script() const { return m_script; }
    QList<app::ScriptProblem> problems() const { return m_problems; }
    void startFrom(const app::JobTemplate &jobTemplate);

    // Opens a job script on this computer in a tab of its own (or the tab that has it already), read
    // on a worker thread; fileOpened or openFailed (the status line also says why) follows.
    void openFile(const QString &path);
    // The shown script's file on this computer; empty for one that is not saved anywhere yet.
    QString filePath() const;
    bool isModified() const { return m_modified; }
    // Writes the shown script to its file (on a worker thread; saved or saveFailed follows), or asks
    // where to (a dialog named "saveScriptDialog", not waited for) if it has none yet.
    void save();
    void saveAs();
    // Whether any tab shows a file on this computer.
    bool hasFiles() const;
    // The open scripts with changes not saved anywhere (their files, or "New script"), and showing
    // the first of them.
    QStringList changedDocuments() const;
    void showFirstChanged();
    QTabBar *documents() const { return m_tabs; }
    // Closes a tab, asking first (a box named "confirmClose", not waited for) if it has changes.
    void closeDocument(int index);

    JobScriptForm *form() const { return m_form; }
    CodeEditor *editor() const { return m_editor; }
    QLineEdit *workDirectory() const { return m_workDirectory; }
    QLabel *status() const { return m_status; }

    // Checks the script, asks first if it has errors (a box named "confirmSubmit", not waited for),
    // then uploads and submits it (or asks for a start estimate only); the status line follows.
    void submit(bool testOnly);

Q_SIGNALS:
    void submitted(const QString &jobId);
    void fileOpened(const QString &path);
    void saved(const QString &path);
    void openFailed(const QString &path, const QString &message);
    void saveFailed(const QString &path, const QString &message);

private:
    void onFormEdited(app::JobField field, const QString &value);
    void onTextChanged();
    void applyScript(const app::JobScript &script);
    void validate();
    void showStatus(const QString &text, bool problem = false);
    // The scripts open in tabs (JobScriptEditorFiles.cpp). The shown one's text is the editor's.
    struct Document
    {
        quint64 id = 0;
        QString path; // empty: not saved anywhere
        QString text;
        QString scriptName;
        bool modified = false;
    };
    void openLocal();
    void writeFile(const QString &path, quint64 id);
    int documentIndex(quint64 id) const;
    void addDocument(Document document);
    void stashCurrent();
    void showDocument(int index);
    void removeDocument(int index);
    void updateDocumentTab();
    QString documentTitle(const Document &document) const;
    void saveTemplate();
    void fillTemplateMenu();
    void translateTo(int scheduler);
    void updateButtons();
    void startSubmission(bool testOnly);
    // The connection's scheduler client while it has a back end; null otherwise.
    app::SchedulerClient *readyClient() const;

    app::JobScript m_script;
    QList<Document> m_documents;
    int m_current = 0;
    quint64 m_nextDocument = 1;
    QSet<QString> m_opening; // files being read for a tab
    app::ClusterResources m_resources;
    bool m_haveResources = false;
    QList<app::ScriptProblem> m_problems;
    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::JobSubmission> m_submission;
    QPointer<QMessageBox> m_confirmation; // the question before submitting, while it is up
    bool m_applying = false;
    bool m_modified = false;
    JobScriptForm *m_form;
    CodeEditor *m_editor;
    QTabBar *m_tabs;
    QListWidget *m_problemList;
    QLabel *m_dialect;
    QToolButton *m_templates;
    QLineEdit *m_workDirectory;
    QLineEdit *m_scriptName;
    QCheckBox *m_uploadFolder;
    QLineEdit *m_localFolder;
    QPushButton *m_test;
    QPushButton *m_submit;
    QLabel *m_status;
};

} // namespace ui
