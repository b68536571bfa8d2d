#include "ui/mainwindow/ClusterSidebar.h"

#include "app/clusters/ClusterListModel.h"
#include "ui/clusters/ClusterItemDelegate.h"

#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ui {

ClusterSidebar::ClusterSidebar(app::ClusterListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_stack(new QStackedWidget(this))
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *header = new QLabel(tr("Clusters"), this);
    QFont headerFont = header->font();
    headerFont.setWeight(QFont::DemiBold);
    headerFont.setCapitalization(QFont::AllUppercase);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.85);
    headerFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    header->setFont(headerFont);
    header->setContentsMargins(12, 10, 12, 6);

    m_view->setObjectName(QStringLiteral("clusterList"));
    m_view->setModel(model);
    m_view->setItemDelegate(new ClusterItemDelegate(m_view));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *empty = new QLabel(tr("<p><b>No clusters yet</b></p>"
                                "<p>Clusters you add appear here, with whether each one answers.</p>"
                                "<p>To try clusterdesk on a real local cluster, run "
                                "<code>packaging/dev cluster start</code>, then press F5.</p>"),
                             this);
    empty->setObjectName(QStringLiteral("noClusters"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    empty->setContentsMargins(12, 6, 12, 6);
    empty->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_stack->addWidget(m_view);
    m_stack->addWidget(empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_stack, 1);

    connect(model, &QAbstractItemModel::rowsInserted, this, &ClusterSidebar::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ClusterSidebar::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, &ClusterSidebar::updateEmptyState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentRowChanged(current.row()); });
    // Selection changes the status bar too: follow the model when it changes under the selection.
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == currentRow())
            Q_EMIT currentRowChanged(currentRow());
    });
    updateEmptyState();
}

int ClusterSidebar::currentRow() const
{
    return m_view->currentIndex().row();
}

void ClusterSidebar::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 0 : 1);
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0));
}

} // namespace ui
