// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// JobScriptEditor's scripts in tabs, and the files on this computer they come from and are saved to.
// Files are read and written on a worker thread; the answer comes back to the editor (a closed
// editor gets none), and a tab closed meanwhile is looked for by its id, not its place.

#include "app/jobscripts/LocalScriptFile.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/widgets/CodeEditor.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTabBar>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

namespace {

// Runs work on Qt's thread pool and hands its result to done on context's thread, unless context
// is gone by then.
template<typename T, typename Work, typename Done>
void inBackground(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

QString absolute(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QString JobScriptEditor::filePath() const
{
    return m_documents.value(m_current).path;
}

bool JobScriptEditor::hasFiles() const
{
    return std::ranges::any_of(m_documents, [](const Document &document) { return !document.path.isEmpty(); });
}

QStringList JobScriptEditor::changedDocuments() const
{
    QStringList titles;
    for (qsizetype i = 0; i < m_documents.size(); ++i) {
        const bool changed = i == m_current ? m_modified : m_documents.at(i).modified;
        if (changed)
            titles.append(m_documents.at(i).path.isEmpty() ? tr("New script")
                                                           : QDir::toNativeSeparators(m_documents.at(i).path));
    }
    return titles;
}

void JobScriptEditor::showFirstChanged()
{
    for (qsizetype i = 0; i < m_documents.size(); ++i) {
        if (i == m_current ? m_modified : m_documents.at(i).modified)
            return showDocument(int(i));
    }
}

void JobScriptEditor::openFile(const QString &path)
{
    const QString file = absolute(path);
    for (qsizetype i = 0; i < m_documents.size(); ++i) {
        if (m_documents.at(i).path == file) {
            m_tabs->setCurrentIndex(int(i));
            showStatus(tr("%1 is open already.").arg(QDir::toNativeSeparators(file)));
            Q_EMIT fileOpened(file);
            return;
        }
    }
    // Asked twice while the first read runs (a file manager's double click): one tab, not two.
    if (m_opening.contains(file))
        return;
    m_opening.insert(file);
    inBackground<sshcore::Result<QString>>(
        this, [file] { return app::LocalScriptFile::read(file); },
        [this, file](const sshcore::Result<QString> &text) {
            m_opening.remove(file);
            if (!text) {
                showStatus(text.error().message, true);
                Q_EMIT openFailed(file, text.error().message);
                return;
            }
            // A new script that nobody touched gives its place; anything else keeps its tab.
            const Document &current = m_documents.at(m_current);
            const quint64 untouched = current.path.isEmpty() && !m_modified ? current.id : 0;
            addDocument({0, file, *text, QFileInfo(file).fileName(), false});
            if (untouched != 0)
                removeDocument(documentIndex(untouched));
            showStatus(tr("Opened %1.").arg(QDir::toNativeSeparators(file)));
            Q_EMIT fileOpened(file);
        });
}

void JobScriptEditor::openLocal()
{
    auto *dialog = new QFileDialog(this, tr("Open job scripts"), QDir::homePath(),
                                   tr("Job scripts (*.sh *.sbatch *.slurm *.pbs *.lsf *.bsub *.job);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openScriptDialog"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            openFile(file);
    });
    dialog->open();
}

void JobScriptEditor::save()
{
    if (filePath().isEmpty())
        return saveAs();
    writeFile(filePath(), m_documents.at(m_current).id);
}

void JobScriptEditor::saveAs()
{
    const QString suggested = filePath().isEmpty() ? QDir::home().filePath(m_scriptName->text()) : filePath();
    auto *dialog = new QFileDialog(this, tr("Save the job script"), suggested);
    dialog->setObjectName(QStringLiteral("saveScriptDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(suggested);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The script shown now is the one saved, whichever tab is shown when the dialog is answered.
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, id = m_documents.at(m_current).id](const QString &path) { writeFile(path, id); });
    dialog->open();
}

void JobScriptEditor::writeFile(const QString &path, quint64 id)
{
    const int shownAt = documentIndex(id);
    if (shownAt < 0)
        return; // closed meanwhile (after asking)
    const QString file = absolute(path);
    for (const Document &other : std::as_const(m_documents)) {
        if (other.id != id && other.path == file) {
            // Two tabs saving to one file would overwrite each other's work.
            const QString message = tr("%1 is open in another tab: save this script under another name, or "
                                       "close that tab first.")
                                        .arg(QDir::toNativeSeparators(file));
            showStatus(message, true);
            Q_EMIT saveFailed(file, message);
            return;
        }
    }
    const QString text = shownAt == m_current ? this->text() : m_documents.at(shownAt).text;
    inBackground<sshcore::Result<>>(
        this, [file, text] { return app::LocalScriptFile::write(file, text); },
        [this, file, text, id](const sshcore::Result<> &written) {
            if (!written) {
                showStatus(written.error().message, true);
                Q_EMIT saveFailed(file, written.error().message);
                return;
            }
            const int index = documentIndex(id);
            if (index >= 0) {
                Document &document = m_documents[index];
                document.path = file;
                document.scriptName = QFileInfo(file).fileName();
                // Typed on meanwhile: still changed, against what is in the file now.
                if (index == m_current) {
                    m_modified = this->text() != text;
                    m_scriptName->setText(document.scriptName);
                } else {
                    document.modified = document.text != text;
                }
                m_tabs->setTabText(index, documentTitle(document));
                m_tabs->setTabToolTip(index, QDir::toNativeSeparators(file));
                updateDocumentTab();
            }
            showStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(file)));
            Q_EMIT saved(file);
        });
}

void JobScriptEditor::closeDocument(int index)
{
    if (index < 0 || index >= m_documents.size())
        return;
    const bool changed = index == m_current ? m_modified : m_documents.at(index).modified;
    if (!changed)
        return removeDocument(index);
    // Asked without a nested event loop; the tab is found again by its id when answered.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Close without saving?"),
                                tr("“%1” has changes that are not saved anywhere. Close it and lose them?")
                                    .arg(documentTitle(m_documents.at(index))),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmClose"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id = m_documents.at(index).id] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Discard && documentIndex(id) >= 0)
            removeDocument(documentIndex(id));
    });
    box->open();
}

int JobScriptEditor::documentIndex(quint64 id) const
{
    for (qsizetype i = 0; i < m_documents.size(); ++i) {
        if (m_documents.at(i).id == id)
            return int(i);
    }
    return -1;
}

void JobScriptEditor::addDocument(Document document)
{
    document.id = m_nextDocument++;
    if (document.scriptName.isEmpty())
        document.scriptName = QStringLiteral("job.sh");
    stashCurrent();
    m_documents.append(document);
    const QSignalBlocker quiet(m_tabs);
    const int index = m_tabs->addTab(documentTitle(document));
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(document.path));
    m_tabs->setCurrentIndex(index);
    m_current = -1; // nothing to keep from a tab that is not shown any more
    showDocument(index);
}

// What the shown tab holds goes back into its document before another one is shown.
void JobScriptEditor::stashCurrent()
{
    if (m_current < 0 || m_current >= m_documents.size())
        return;
    Document &document = m_documents[m_current];
    document.text = text();
    document.modified = m_modified;
    document.scriptName = m_scriptName->text();
}

void JobScriptEditor::showDocument(int index)
{
    if (index < 0 || index >= m_documents.size() || index == m_current)
        return;
    stashCurrent();
    m_current = index;
    const Document document = m_documents.at(index);
    setText(document.text);
    m_modified = document.modified;
    m_scriptName->setText(document.scriptName);
    if (m_tabs->currentIndex() != index) {
        const QSignalBlocker quiet(m_tabs);
        m_tabs->setCurrentIndex(index);
    }
    updateDocumentTab();
}

void JobScriptEditor::removeDocument(int index)
{
    const bool shown = index == m_current;
    if (!shown)
        stashCurrent();
    m_documents.removeAt(index);
    {
        const QSignalBlocker quiet(m_tabs);
        m_tabs->removeTab(index);
    }
    if (m_documents.isEmpty()) { // never none: a new, empty script
        m_current = -1;
        addDocument({});
        setText(QStringLiteral("#!/bin/bash\n"));
        return;
    }
    if (shown) {
        m_current = -1;
        showDocument(qMin(index, int(m_documents.size()) - 1));
    } else if (m_current > index) {
        --m_current;
    }
}

QString JobScriptEditor::documentTitle(const Document &document) const
{
    const QString name = document.path.isEmpty() ? tr("New script") : QFileInfo(document.path).fileName();
    return document.modified ? tr("%1 (changed)").arg(name) : name;
}

void JobScriptEditor::updateDocumentTab()
{
    if (m_current < 0 || m_current >= m_documents.size())
        return;
    Document shown = m_documents.at(m_current);
    shown.modified = m_modified;
    const QString title = documentTitle(shown);
    if (m_tabs->tabText(m_current) != title)
        m_tabs->setTabText(m_current, title);
    // A single new script needs no tab.
    m_tabs->setVisible(m_documents.size() > 1 || !shown.path.isEmpty());
}

} // namespace ui
