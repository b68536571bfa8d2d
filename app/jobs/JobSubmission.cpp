// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobSubmission.h"

#include "app/schedulers/SchedulerClient.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshCommand.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace std::chrono_literals;
using sshcore::ShellQuote;

namespace app {

namespace {

// The shell's spelling of a folder the user typed: "~/runs" stays under $HOME, anything else is quoted.
QByteArray shellPath(const QString &path)
{
    if (path == u'~')
        return QByteArrayLiteral("\"$HOME\"");
    if (path.startsWith(QLatin1StringView("~/")))
        return "\"$HOME\"/" + ShellQuote::quote(path.mid(2).toUtf8());
    return ShellQuote::quote(path.toUtf8());
}

bool isSafeFileName(const QString &name)
{
    return !name.isEmpty() && name != u'.' && name != QLatin1StringView("..") && !name.contains(u'/')
           && !name.contains(QChar(0));
}

} // namespace

JobSubmission::JobSubmission(SchedulerClient *client, TransferQueue *transfers, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_transfers(transfers)
{
    if (m_transfers)
        connect(m_transfers, &TransferQueue::jobFinished, this, &JobSubmission::onTransferFinished);
    // Closed or failed for good (not merely reconnecting: then everything waits for the link): the
    // uploads would wait for ever, so stop here and say why.
    if (m_client) {
        connect(m_client, &SchedulerClient::schedulerChanged, this, [this] {
            if (m_client->isReady() || m_done)
                return;
            if (m_submitting) // the answer fails on its own, saying the command may or may not have run
                return;
            fail(tr("Nothing was submitted: %1").arg(m_client->unavailableReason()));
        });
    }
}

JobSubmission::~JobSubmission()
{
    if (m_transfers) {
        for (int id : std::as_const(m_pendingTransfers))
            m_transfers->cancel(id);
    }
}

void JobSubmission::start(const Request &request)
{
    m_request = request;
    if (!m_client || !m_transfers)
        return fail(tr("Not connected to the cluster."));
    if (!isSafeFileName(request.scriptName))
        return fail(tr("\"%1\" cannot be a script's file name: use a plain name like job.sh.").arg(request.scriptName));
    if (request.workDirectory.trimmed().isEmpty())
        return fail(tr("Choose the folder on the cluster the job runs in."));
    if (!request.localFolder.isEmpty() && !QFileInfo(request.localFolder).isDir())
        return fail(
            tr("The folder %1 does not exist on this computer.").arg(QDir::toNativeSeparators(request.localFolder)));
    makeDirectory();
}

void JobSubmission::makeDirectory()
{
    const QByteArray folder = shellPath(m_request.workDirectory.trimmed());
    Q_EMIT progress(tr("Making the working folder %1…").arg(m_request.workDirectory));
    // Made, then named absolutely (transfers and the scheduler want the real path).
    m_client->runCommand(
        "mkdir -p -- " + folder + " && cd -- " + folder + " && pwd -P", false, 30s, this,
        [this](sshcore::Result<sshcore::CommandResult> result) {
            if (!result)
                return fail(result.error().message);
            if (result->exitStatus != 0) {
                QString said = QString::fromUtf8(result->standardError).trimmed();
                return fail(tr("Cannot make the working folder %1: %2")
                                .arg(m_request.workDirectory, said.isEmpty() ? tr("the shell refused") : said));
            }
            m_directory = QString::fromUtf8(result->standardOutput).trimmed();
            if (!m_directory.startsWith(u'/'))
                return fail(tr("The cluster did not say where %1 is.").arg(m_request.workDirectory));
            m_remoteScript = m_directory + u'/' + m_request.scriptName;

            // The script is written here first: the transfer queue sends files.
            m_scratch = std::make_unique<QTemporaryDir>();
            const QString local = m_scratch->isValid() ? m_scratch->filePath(m_request.scriptName) : QString();
            QFile file(local);
            if (local.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(m_request.scriptText.toUtf8()) < 0
                || !file.flush()) {
                return fail(
                    tr("Cannot write the script to a temporary file on this computer: %1").arg(file.errorString()));
            }
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
            file.close();
            Q_EMIT progress(tr("Uploading %1…").arg(m_request.scriptName));
            upload(local, int(TransferOptions::Conflict::Overwrite));
            if (!m_request.localFolder.isEmpty()) {
                Q_EMIT progress(
                    tr("Uploading %1 and %2…").arg(m_request.scriptName, QFileInfo(m_request.localFolder).fileName()));
                upload(m_request.localFolder, int(TransferOptions::Conflict::OnlyIfNewer));
            }
        });
}

void JobSubmission::upload(const QString &localPath, int conflict)
{
    TransferOptions options;
    options.conflict = TransferOptions::Conflict(conflict);
    m_pendingTransfers.append(m_transfers->upload(localPath, m_directory.toUtf8(), options));
}

void JobSubmission::onTransferFinished(int id)
{
    if (!m_pendingTransfers.contains(id) || m_done)
        return;
    m_pendingTransfers.removeOne(id);
    const TransferQueue::Job *job = m_transfers->job(id);
    QString problem;
    if (!job)
        problem = tr("the transfer disappeared");
    else if (!job->error.isEmpty())
        problem = job->error;
    else if (job->state == TransferQueue::JobState::Cancelled)
        problem = tr("the transfer was cancelled");
    else {
        for (const TransferQueue::File &file : job->files) {
            if (file.state == TransferQueue::FileState::Failed) {
                problem = QStringLiteral("%1: %2").arg(QFileInfo(file.local).fileName(), file.error);
                break;
            }
        }
    }
    if (!problem.isEmpty())
        return fail(tr("Cannot upload %1 to %2: %3").arg(job ? job->source : QString(), m_directory, problem));
    if (m_pendingTransfers.isEmpty())
        submit();
}

void JobSubmission::submit()
{
    m_scratch.reset();
    // The connection may have closed for good during the upload (it waits through a reconnection).
    if (!m_client || !m_client->isReady())
        return fail(m_client ? m_client->unavailableReason() : tr("Not connected to the cluster."));
    if (m_request.testOnly) {
        Q_EMIT progress(tr("Asking %1 when the job would start…").arg(m_client->scheduler()->name()));
        m_client->testSubmit(m_remoteScript, m_directory, this, [this](sshcore::Result<StartEstimate> estimate) {
            if (!estimate)
                return fail(estimate.error().message);
            m_done = true;
            Q_EMIT estimated(*estimate);
        });
        return;
    }
    Q_EMIT progress(tr("Submitting %1…").arg(m_request.scriptName));
    m_submitting = true;
    m_client->submit(m_remoteScript, m_directory, this, [this](sshcore::Result<SubmitReply> reply) {
        if (!reply)
            return fail(reply.error().message);
        m_done = true;
        Q_EMIT submitted(*reply);
    });
}

void JobSubmission::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    if (m_transfers) {
        for (int id : std::as_const(m_pendingTransfers))
            m_transfers->cancel(id);
    }
    m_pendingTransfers.clear();
    Q_EMIT failed(message);
}

} // namespace app
