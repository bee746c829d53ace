"""Drawing: the charts and the PDF writer. They read through the Trends service and never write SQL."""
