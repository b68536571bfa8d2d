// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/JobSortModel.h"

#include "app/jobs/JobListModel.h"

namespace app {

JobSortModel::JobSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobListModel::SortRole);
    setDynamicSortFilter(true);
}

void JobSortModel::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_watching))
        disconnect(connection);
    m_watching.clear();
    m_keysColumn = -1;
    m_jobs = qobject_cast<JobListModel *>(source);
    if (m_jobs) {
        // Connected before the proxy's own handlers (set up by the base class below), so the keys
        // are dropped before it compares the changed rows.
        const auto forget = [this] { m_keysColumn = -1; };
        m_watching = {
            connect(m_jobs, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &first, const QModelIndex &last) {
                        rowsChanged(first.row(), last.row(), false);
                    }),
            connect(m_jobs, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &, int first, int last) { rowsChanged(first, last, true); }),
            connect(m_jobs, &QAbstractItemModel::rowsRemoved, this, forget),
            connect(m_jobs, &QAbstractItemModel::rowsMoved, this, forget),
            connect(m_jobs, &QAbstractItemModel::layoutChanged, this, forget),
            connect(m_jobs, &QAbstractItemModel::modelReset, this, forget),
        };
    }
    QSortFilterProxyModel::setSourceModel(source);
}

void JobSortModel::rowsChanged(int first, int last, bool inserted)
{
    if (m_keysColumn < 0)
        return; // none made: nothing to keep in step
    if (inserted ? first != m_keys.size() : last >= m_keys.size()) {
        m_keysColumn = -1; // not an append or a change in place: made again when next needed
        return;
    }
    for (int row = first; row <= last; ++row) {
        JobRow::SortKey key = m_jobs->sortKey(row, m_keysColumn);
        if (inserted)
            m_keys.append(std::move(key));
        else
            m_keys[row] = std::move(key);
    }
}

bool JobSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_jobs)
        return QSortFilterProxyModel::lessThan(left, right);
    const int column = left.column();
    if (m_keysColumn != column) {
        m_keys = m_jobs->sortKeys(column);
        m_keysColumn = column;
    }
    return m_keys.at(left.row()) < m_keys.at(right.row());
}

} // namespace app
