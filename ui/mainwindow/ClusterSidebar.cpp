// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/mainwindow/ClusterSidebar.h"

#include "app/clusters/ClusterListModel.h"
#include "ui/clusters/ClusterItemDelegate.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

ClusterSidebar::ClusterSidebar(app::ClusterListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_stack(new QStackedWidget(this))
    , m_add(new QToolButton(this))
{
    setObjectName(QStringLiteral("clusterSidebar"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *header = new QLabel(tr("Clusters"), this);
    QFont headerFont = header->font();
    headerFont.setWeight(QFont::DemiBold);
    headerFont.setCapitalization(QFont::AllUppercase);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.85);
    headerFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    header->setFont(headerFont);
    m_add->setObjectName(QStringLiteral("addMenuButton"));
    m_add->setIcon(themedIcon(QStringLiteral("list-add"), QStringLiteral("add")));
    m_add->setText(tr("Add"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setToolTip(tr("Add or import clusters"));
    m_add->setAutoRaise(true);
    m_add->setPopupMode(QToolButton::InstantPopup);
    auto *headerRow = new QHBoxLayout;
    headerRow->setContentsMargins(12, 6, 6, 2);
    headerRow->addWidget(header, 1);
    headerRow->addWidget(m_add);

    m_view->setObjectName(QStringLiteral("clusterList"));
    m_view->setModel(model);
    m_view->setItemDelegate(new ClusterItemDelegate(m_view));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_view->indexAt(position);
        if (!index.isValid() || !m_contextMenu)
            return;
        m_view->setCurrentIndex(index);
        m_contextMenu->popup(m_view->viewport()->mapToGlobal(position));
    });

    auto *empty = new QLabel(tr("<p><b>No clusters yet</b></p>"
                                "<p>Clusters you add appear here with their connection state.</p>"),
                             this);
    empty->setObjectName(QStringLiteral("noClusters"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    empty->setContentsMargins(12, 6, 12, 6);

    m_stack->addWidget(m_view);
    m_stack->addWidget(empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(headerRow);
    layout->addWidget(m_stack, 1);

    connect(model, &QAbstractItemModel::rowsInserted, this, &ClusterSidebar::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ClusterSidebar::updateEmptyState);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keptId = currentId(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        const QModelIndex kept = m_model->indexOf(m_keptId);
        if (kept.isValid())
            m_view->setCurrentIndex(kept);
        updateEmptyState();
        Q_EMIT currentChanged(currentId());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentChanged(m_model->idAt(current.row())); });
    // Double-click or Enter connects. Where the style activates items on a single click, only a
    // double-click does (a click selects).
    const auto singleClick = [this] {
        return style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, m_view) != 0;
    };
    connect(m_view, &QListView::activated, this, [this, singleClick](const QModelIndex &index) {
        if (!singleClick())
            Q_EMIT activated(m_model->idAt(index.row()));
    });
    connect(m_view, &QListView::doubleClicked, this, [this, singleClick](const QModelIndex &index) {
        if (singleClick())
            Q_EMIT activated(m_model->idAt(index.row()));
    });
    updateEmptyState();
}

QUuid ClusterSidebar::currentId() const
{
    return m_model->idAt(m_view->currentIndex().row());
}

void ClusterSidebar::setCurrentId(const QUuid &id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (index.isValid())
        m_view->setCurrentIndex(index);
}

void ClusterSidebar::setAddMenu(QMenu *menu)
{
    m_add->setMenu(menu);
}

void ClusterSidebar::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 0 : 1);
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0));
}

} // namespace ui
