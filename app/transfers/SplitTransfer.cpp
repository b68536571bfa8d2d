// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/SplitTransfer.h"

#include "app/transfers/ExtraSessions.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QFileInfo>

#include <algorithm>

using namespace std::chrono_literals;
using sshcore::Result;
using sshcore::SftpTransferOptions;
using sshcore::SshConnection;

namespace app {

namespace {
constexpr quint64 MiB = 1 << 20;
constexpr quint32 UnmarkedMode = 0600; // a cut-back partial file: its length is right again
} // namespace

quint64 SplitTransfer::partSize(quint64 bytes, int sessions)
{
    // Two parts per session: one that finishes early takes over from one that is slow.
    const quint64 each = bytes / quint64(2 * std::max(1, sessions));
    return std::clamp((each + MiB - 1) / MiB * MiB, 32 * MiB, 256 * MiB);
}

SplitTransfer::SplitTransfer(sshcore::SftpClient *main, ExtraSessions *extras, Plan plan, QObject *parent)
    : QObject(parent)
    , m_main(main)
    , m_extras(extras)
    , m_plan(std::move(plan))
{
    m_watchStop.setInterval(100ms);
    connect(&m_watchStop, &QTimer::timeout, this, [this] {
        if (m_plan.stop && m_plan.stop->load())
            m_partsStop->store(true);
    });
}

// Gone before the end (the queue went): the parts stop, their answers are dropped with this object.
SplitTransfer::~SplitTransfer()
{
    m_partsStop->store(true);
    for (const QPointer<SshConnection> &session : m_lent) {
        if (session && m_extras)
            m_extras->giveBack(session);
    }
}

void SplitTransfer::start(Done done, Progress progress)
{
    m_done = std::move(done);
    m_progress = std::move(progress);
    const quint64 size = partSize(m_plan.size - m_plan.offset, 1 + (m_extras ? m_extras->maximum() : 0));
    for (quint64 at = m_plan.offset; at < m_plan.size; at += size) {
        const quint64 end = std::min(m_plan.size, at + size);
        m_parts.push_back({.begin = at, .end = end, .complete = at});
    }
    m_watchStop.start();
    if (m_extras) {
        connect(m_extras, &ExtraSessions::available, this, &SplitTransfer::assign);
        m_extras->warmUp(); // logging in while the file is prepared
    }
    prepare();
}

bool SplitTransfer::stopping() const
{
    return m_partsStop->load() || (m_plan.stop && m_plan.stop->load());
}

// The partial file at its complete length and marked, before any part writes to it.
void SplitTransfer::prepare()
{
    const quint32 mark = m_plan.upload ? SftpTransferOptions::UnorderedPartialMode
                                       : SftpTransferOptions::UnorderedLocalMode;
    setLengthAndMode(m_plan.offset, mark, std::nullopt, {}, [this](const Result<quint64> &prepared) {
        if (!prepared)
            m_error = prepared.error();
        m_started = true;
        assign();
    });
}

void SplitTransfer::setLengthAndMode(quint64 length, std::optional<quint32> mode, std::optional<qint64> modified,
                                     const QByteArray &placeAs, std::function<void(const Result<quint64> &)> then)
{
    SftpTransferOptions options;
    options.offset = length;
    options.rangeEnd = length;
    options.permissions = mode;
    options.modified = modified;
    options.placeAs = placeAs;
    if (m_plan.upload)
        m_main->upload(m_plan.localFile, m_plan.remoteFile, options, this, std::move(then));
    else
        m_main->download(m_plan.remoteFile, m_plan.localFile, options, this, std::move(then));
}

// Idle sessions take the next parts: the main connection first, then extra sessions as they come.
void SplitTransfer::assign()
{
    if (!m_started || m_ending)
        return;
    const auto nextPending = [this] {
        const auto found = std::ranges::find_if(m_parts, [](const Part &p) { return p.state == Part::State::Pending; });
        return found == m_parts.end() ? -1 : int(found - m_parts.begin());
    };
    if (!m_error && !stopping()) {
        if (const int next = nextPending(); !m_mainBusy && next >= 0)
            runPart(next, nullptr);
        while (m_extras && nextPending() >= 0) {
            SshConnection *extra = m_extras->borrow();
            if (!extra)
                break;
            runPart(nextPending(), extra);
        }
    }
    maybeEnd();
}

void SplitTransfer::runPart(int index, SshConnection *extra)
{
    Part &part = m_parts[size_t(index)];
    part.state = Part::State::Running;
    ++m_running;
    sshcore::SftpClient *client = m_main;
    if (extra) {
        m_lent.emplace_back(extra);
        m_clients.push_back(std::make_unique<sshcore::SftpClient>(extra));
        client = m_clients.back().get();
    } else {
        m_mainBusy = true;
    }
    SftpTransferOptions options;
    options.offset = part.complete;
    options.rangeEnd = part.end;
    options.bufferSize = m_plan.bufferSize;
    options.stop = m_partsStop;
    const QPointer<SshConnection> session = extra;
    auto ended = [this, index, session, onExtra = extra != nullptr](const Result<quint64> &result) {
        partEnded(index, onExtra, session.data(), result);
    };
    auto progressed = [this, index](quint64 complete, quint64) {
        Part &moved = m_parts[size_t(index)];
        moved.complete = std::clamp(complete, moved.complete, moved.end);
        reportProgress();
    };
    if (m_plan.upload)
        client->upload(m_plan.localFile, m_plan.remoteFile, options, this, std::move(ended), std::move(progressed));
    else
        client->download(m_plan.remoteFile, m_plan.localFile, options, this, std::move(ended), std::move(progressed));
}

void SplitTransfer::partEnded(int index, bool onExtra, SshConnection *extra, const Result<quint64> &result)
{
    --m_running;
    if (!onExtra)
        m_mainBusy = false;
    std::erase_if(m_lent, [extra](const QPointer<SshConnection> &session) { return !session || session == extra; });
    Part &part = m_parts[size_t(index)];
    if (result) {
        part.state = Part::State::Done;
        part.complete = part.end;
        if (onExtra)
            ++m_partsOnExtras;
        if (extra && m_extras)
            m_extras->giveBack(extra); // available() brings it back here while parts are left
    } else {
        part.state = Part::State::Pending; // its rest waits for another session
        if (!onExtra) {
            if (!m_error)
                m_error = result.error(); // the main connection's failure is the transfer's
            m_partsStop->store(true);
        } else if (extra && m_extras) {
            if (stopping())
                m_extras->giveBack(extra);
            else
                m_extras->drop(extra); // refused or lost: fewer sessions, not an error
        }
    }
    reportProgress();
    assign();
}

void SplitTransfer::maybeEnd()
{
    if (m_ending || !m_started || m_running > 0)
        return;
    const bool complete = std::ranges::all_of(m_parts, [](const Part &p) { return p.state == Part::State::Done; });
    if (complete && !m_error && !stopping())
        finish();
    else if (m_error || stopping())
        cutBack();
}

// Every part is there: the file's length, time and mode, then its name.
void SplitTransfer::finish()
{
    m_ending = true;
    m_watchStop.stop();
    std::optional<quint32> mode = m_plan.permissions;
    if (!mode)
        mode = m_plan.upload && QFileInfo(m_plan.localFile).isExecutable() ? 0755 : 0644;
    setLengthAndMode(m_plan.size, mode, m_plan.modified, m_plan.placeAs, [this](const Result<quint64> &placed) {
        const Done done = std::move(m_done);
        if (placed)
            done(m_plan.size);
        else
            done(sshcore::failure(placed.error()));
    });
}

// Stopped or failed: the file cut back to what is complete from its start, and unmarked, so that its
// length says how far it got. If the main connection cannot (it is what failed), the last progress
// still says so, and the mark stays: the queue resumes it from that count, never from its length.
void SplitTransfer::cutBack()
{
    m_ending = true;
    m_watchStop.stop();
    if (!m_error)
        m_error = sshcore::Error{sshcore::ErrorKind::Cancelled,
                                 QString::fromLatin1(SftpTransferOptions::StoppedMessage)};
    const quint64 complete = contiguous();
    setLengthAndMode(complete, UnmarkedMode, std::nullopt, {}, [this, complete](const Result<quint64> &) {
        const Done done = std::move(m_done);
        const sshcore::Error error = *m_error;
        if (m_progress)
            m_progress(complete, m_plan.size);
        done(sshcore::failure(error));
    });
}

quint64 SplitTransfer::contiguous() const
{
    quint64 complete = m_plan.offset;
    for (const Part &part : m_parts) {
        if (part.state != Part::State::Done)
            return part.complete;
        complete = part.end;
    }
    return complete;
}

void SplitTransfer::reportProgress()
{
    if (!m_progress || m_ending)
        return;
    quint64 bytes = m_plan.offset;
    for (const Part &part : m_parts)
        bytes += part.complete - part.begin;
    m_progress(bytes, m_plan.size);
}

} // namespace app
