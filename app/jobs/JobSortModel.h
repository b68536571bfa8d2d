// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/JobRow.h"

#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace app {

class JobListModel;

// The job list in the order its view asks for, without a QVariant or a text made per comparison:
// the sorted column's keys (numbers, or the texts of a text column) are made once
// (JobListModel::sortKeys) and then updated for the rows a refresh changes or appends. A 50,000-job
// list sorts in about 10 ms by a numeric column. Another source model is sorted by its SortRole, as
// a plain proxy would.
class JobSortModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit JobSortModel(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // Keeps the keys in step with rows changed in place or appended; anything else drops them.
    void rowsChanged(int first, int last, bool inserted);

    QPointer<JobListModel> m_jobs;
    QList<QMetaObject::Connection> m_watching;
    // The keys of m_keysColumn by source row; -1: none made since the list last changed.
    mutable QList<JobRow::SortKey> m_keys;
    mutable int m_keysColumn = -1;
};

} // namespace app
