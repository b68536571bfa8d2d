// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterSessionModel.h"

#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterSession.h"

#include <QCoreApplication>
#include <QDateTime>

namespace app {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JupyterSessionModel)
};
} // namespace

JupyterSessionModel::JupyterSessionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_sessions.isEmpty())
            Q_EMIT dataChanged(index(0, TimeLeftColumn), index(int(m_sessions.size()) - 1, TimeLeftColumn));
    });
    m_clock.start();
}

void JupyterSessionModel::setManager(JupyterManager *manager)
{
    if (manager == m_manager)
        return;
    beginResetModel();
    if (m_manager)
        disconnect(m_manager, nullptr, this, nullptr);
    for (const QPointer<JupyterSession> &session : std::as_const(m_sessions))
        if (session)
            disconnect(session, nullptr, this, nullptr);
    m_sessions.clear();
    m_manager = manager;
    endResetModel();
    if (!manager)
        return;
    for (JupyterSession *session : manager->sessions())
        add(session);
    connect(manager, &JupyterManager::sessionAdded, this, &JupyterSessionModel::add);
    connect(manager, &JupyterManager::sessionRemoved, this, &JupyterSessionModel::remove);
}

void JupyterSessionModel::add(JupyterSession *session)
{
    if (rowOf(session) >= 0)
        return;
    const int row = int(m_sessions.size());
    beginInsertRows({}, row, row);
    m_sessions.append(session);
    endInsertRows();
    connect(session, &JupyterSession::changed, this, [this, session] {
        if (const int r = rowOf(session); r >= 0)
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    });
    connect(session, &QObject::destroyed, this, [this, session] { remove(session); });
}

void JupyterSessionModel::remove(JupyterSession *session)
{
    // Also for a session being destroyed: compared by address, never used.
    for (int row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions.at(row).data() == session || m_sessions.at(row).isNull()) {
            beginRemoveRows({}, row, row);
            m_sessions.removeAt(row);
            endRemoveRows();
            return;
        }
    }
}

JupyterSession *JupyterSessionModel::session(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions.at(row).data() : nullptr;
}

int JupyterSessionModel::rowOf(const JupyterSession *session) const
{
    for (int row = 0; row < m_sessions.size(); ++row)
        if (m_sessions.at(row).data() == session)
            return row;
    return -1;
}

int JupyterSessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int JupyterSessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JupyterSessionModel::describe(const JupyterSettings &settings)
{
    QStringList parts{settings.interface == JupyterSettings::Interface::Lab ? Tr::tr("JupyterLab")
                                                                            : Tr::tr("Notebook")};
    if (!settings.partition.isEmpty())
        parts.append(settings.partition);
    parts.append(settings.cpus == 1 ? Tr::tr("1 CPU") : Tr::tr("%1 CPUs").arg(settings.cpus));
    if (!settings.memory.isEmpty())
        parts.append(settings.memory);
    if (!settings.gpus.isEmpty())
        parts.append(Tr::tr("GPUs %1").arg(settings.gpus));
    if (!settings.timeLimit.isEmpty())
        parts.append(settings.timeLimit);
    return parts.join(QStringLiteral(" · "));
}

QString JupyterSessionModel::timeLeft(const JupyterSession &session)
{
    const auto ends = session.endsAt();
    const auto state = session.state();
    if (!ends || (state != JupyterSession::State::Starting && state != JupyterSession::State::Ready))
        return {};
    const qint64 seconds = std::max<qint64>(0, QDateTime::currentDateTime().secsTo(*ends));
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QVariant JupyterSessionModel::data(const QModelIndex &index, int role) const
{
    const JupyterSession *session = index.isValid() ? this->session(index.row()) : nullptr;
    if (!session)
        return {};
    if (role == SessionRole)
        return QVariant::fromValue(static_cast<QObject *>(const_cast<JupyterSession *>(session)));
    if (role == StateRole)
        return int(session->state());
    if (role == Qt::ToolTipRole && index.column() == StateColumn)
        return session->stateText();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ServerColumn: return describe(session->settings());
    case JobColumn: return session->jobId();
    case StateColumn:
        return session->state() == JupyterSession::State::Ended || session->state() == JupyterSession::State::Queued
                   ? session->stateText()
                   : JupyterSession::stateName(session->state());
    case TimeLeftColumn: return timeLeft(*session);
    default: return {};
    }
}

QVariant JupyterSessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServerColumn: return Tr::tr("Server");
    case JobColumn: return Tr::tr("Job");
    case StateColumn: return Tr::tr("State");
    case TimeLeftColumn: return Tr::tr("Time left");
    default: return {};
    }
}

} // namespace app
