"""Demo readers' comments: some approved (one answered by the editorial board), some awaiting moderation.

Each comment names its article by title; `hours_after` is when it was written, after publication.
"""

COMMENTS = [
    {
        "article": "Khởi công nâng cấp, mở rộng tuyến đường Hải Thành – Đa Phúc với tổng mức đầu tư hơn 180 tỷ đồng",
        "author_name": "Phạm Văn Hùng",
        "author_email": "hung.pham@example.vn",
        "body": "Tuyến đường này xuống cấp lâu rồi, người dân rất mong. Đề nghị đơn vị thi công tưới nước chống bụi thường xuyên vì đoạn qua chợ Hải Thành rất đông người qua lại.",
        "status": "approved",
        "hours_after": 3,
        "reply": "Cảm ơn ý kiến của bạn. Ban quản lý dự án cho biết nhà thầu tưới nước chống bụi ba lần mỗi ngày trên đoạn qua chợ; người dân có thể phản ánh qua số điện thoại đường dây nóng ghi tại biển công trình.",
    },
    {
        "article": "Khởi công nâng cấp, mở rộng tuyến đường Hải Thành – Đa Phúc với tổng mức đầu tư hơn 180 tỷ đồng",
        "author_name": "Nguyễn Thị Lan",
        "author_email": "lan.nguyen@example.vn",
        "body": "Xin hỏi thời gian hoàn thành dự kiến là khi nào? Nhà tôi kinh doanh mặt đường nên muốn biết để sắp xếp.",
        "status": "approved",
        "hours_after": 6,
    },
    {
        "article": "Khởi công nâng cấp, mở rộng tuyến đường Hải Thành – Đa Phúc với tổng mức đầu tư hơn 180 tỷ đồng",
        "author_name": "Trần Quốc Bảo",
        "author_email": "bao.tran@example.vn",
        "body": "Mong quận công khai bản vẽ mặt cắt ngang tuyến đường để người dân hai bên nắm được phần diện tích bị ảnh hưởng.",
        "status": "pending",
        "hours_after": 20,
    },
    {
        "article": "Thư viện quận An Phú ra mắt không gian đọc sách số, phục vụ miễn phí học sinh và người dân",
        "author_name": "Lê Minh Châu",
        "author_email": "chau.le@example.vn",
        "body": "Con tôi rất thích không gian mới. Thư viện có mở cửa vào tối thứ Bảy không ạ?",
        "status": "approved",
        "hours_after": 30,
        "reply": "Thư viện quận mở cửa đến 20 giờ các ngày thứ Bảy và Chủ nhật. Mời gia đình bạn đến đọc sách.",
    },
    {
        "article": "Thư viện quận An Phú ra mắt không gian đọc sách số, phục vụ miễn phí học sinh và người dân",
        "author_name": "Đỗ Thị Hoa",
        "author_email": "hoa.do@example.vn",
        "body": "Một việc làm rất ý nghĩa cho học sinh vùng ven. Cảm ơn quận!",
        "status": "approved",
        "hours_after": 50,
    },
    {
        "article": "Lấy ý kiến cộng đồng dân cư về đồ án quy hoạch chi tiết khu đô thị mới ven sông, phường Đa Phúc",
        "author_name": "Vũ Đức Thắng",
        "author_email": "thang.vu@example.vn",
        "body": "Đề nghị đồ án dành thêm diện tích cây xanh và bãi đỗ xe công cộng, tránh tình trạng khu đô thị mới lại thiếu chỗ đỗ xe như các khu trước.",
        "status": "pending",
        "hours_after": 8,
    },
    {
        "article": "Phường Tân Thành ra mắt tuyến phố thanh toán không dùng tiền mặt, hỗ trợ hộ kinh doanh chuyển đổi số",
        "author_name": "Hoàng Thu Trang",
        "author_email": "trang.hoang@example.vn",
        "body": "Người lớn tuổi chưa quen quét mã, mong phường tổ chức thêm buổi hướng dẫn tại nhà văn hoá khu phố.",
        "status": "pending",
        "hours_after": 12,
    },
]
